package dev.setlist.plugin.demo;

import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.sim.HouseholdSimulator;
import dev.setlist.plugin.sim.Persona;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.UserStore;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the demo library and household into a fresh data folder, once: the catalog, the people (the
 * child with an account of their own set to kids mode for good, the child on a parent's account a profile
 * with their ceiling), and their month of simulated history through the same ingestion path as webhook
 * events, each event stored as the profile's that was watching. A data folder that was
 * seeded before is left as it is, so whatever happened since survives a restart.
 */
public final class DemoSeeder {

    static final String SEEDED_SETTING = "demo.seeded-at";

    private DemoSeeder() {
    }

    /**
     * Seeds when not seeded before; returns the number of history events written (0 when already seeded).
     * The history's times of day are local to {@code zone}, the zone the signals read late night in.
     */
    public static int seedOnce(DemoMediaServer server, long seed, Instant now, Library library, UserStore users,
                               PersonStore people, ProfileService profiles, EventIngestor ingestor,
                               SettingStore settings, ZoneId zone) {
        if (settings.get(SEEDED_SETTING).isPresent()) {
            return 0;
        }
        library.putAll(server.catalog());
        for (MediaUser user : server.household().users()) {
            users.upsert(user, now);
        }
        for (Persona member : server.household().members()) {
            if (member.sharesAnAccount()) {
                profiles.create(member.accountId(), member.profile(), member.name(), member.parentalCeiling());
            } else if (member.child()) {
                people.setMode(member.personId(), "kids", null);
            }
        }
        List<HouseholdSimulator.Attributed> history = server.household().attributedHistory(server.catalog(), seed,
                now, zone);
        List<EventLog.Delivery> deliveries = new ArrayList<>(history.size());
        for (int index = 0; index < history.size(); index++) {
            HouseholdSimulator.Attributed attributed = history.get(index);
            deliveries.add(new EventLog.Delivery(attributed.event(), "demo", deliveryKey(seed, index), null,
                    attributed.personId()));
        }
        ingestor.ingestAll(deliveries);
        settings.put(SEEDED_SETTING, now.toString());
        return deliveries.size();
    }

    private static String deliveryKey(long seed, int index) {
        return DeliveryKey.of("demo:" + seed + ":" + index);
    }
}
