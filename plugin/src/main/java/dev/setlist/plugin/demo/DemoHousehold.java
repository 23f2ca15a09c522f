package dev.setlist.plugin.demo;

import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.sim.Household;
import dev.setlist.plugin.sim.HouseholdSimulator;
import dev.setlist.plugin.sim.Persona;
import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The people of the demo and a month of their viewing and listening, from the household simulator
 * ({@link HouseholdSimulator}, open loop: before Setlist was there, everyone browsed by themselves):
 * Alex binges series and takes wildcards, Sam rates everything highly, Robin is a child who only plays
 * what is rated for children, Jordan falls asleep to documentaries while autoplay goes on, and Casey, a
 * younger child, watches on Alex's account as a profile ({@link Household#demo()}): a shared account used by
 * a parent and a child. The events are the same {@link PlaybackEvent}s a Jellyfin server sends, so they take
 * the same path in, each with the profile that said it was watching.
 *
 * <p>Immutable; share freely.
 */
public final class DemoHousehold {

    /** How far back the demo history goes. */
    static final int DAYS = 30;

    private final Household household;

    private DemoHousehold(Household household) {
        this.household = household;
    }

    public static DemoHousehold standard() {
        return new DemoHousehold(Household.demo());
    }

    /** The simulated people behind the demo accounts. */
    public List<Persona> members() {
        return household.people();
    }

    public List<MediaUser> users() {
        return household.accounts();
    }

    /** The members who watch as a profile inside someone else's account. */
    public List<Persona> profiles() {
        return household.people().stream().filter(Persona::sharesAnAccount).toList();
    }

    /** A month of events up to {@code now}, in time order, deterministic for {@code seed} and {@code zone}. */
    public List<PlaybackEvent> history(List<ItemProfile> catalog, long seed, Instant now, ZoneId zone) {
        return attributedHistory(catalog, seed, now, zone).stream().map(HouseholdSimulator.Attributed::event).toList();
    }

    /** As {@link #history}, each event with the profile watching its account ({@code null}: the account's own). */
    public List<HouseholdSimulator.Attributed> attributedHistory(List<ItemProfile> catalog, long seed, Instant now,
                                                                 ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(now.minus(Duration.ofDays(DAYS)), zone);
        return new HouseholdSimulator(household, catalog, seed, zone).attributedHistory(first, DAYS, now);
    }
}
