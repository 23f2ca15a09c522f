package dev.setlist.plugin.sim;

import dev.setlist.plugin.media.MediaUser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The people of a simulated household. {@link #standard()} is the household of {@code setlist demo}
 * and of the behaviour benchmarks: four people whose habits cover the failure modes Setlist exists for
 * (a binge-watcher who takes wildcards, a person who rates everything highly and never takes a
 * wildcard, a child, a late-night viewer who falls asleep while autoplay goes on).
 *
 * <p>Immutable; share freely.
 *
 * @param people the people, in a fixed order (the order the simulator visits them in)
 */
public record Household(List<Persona> people) {

    public Household {
        people = List.copyOf(people);
        if (people.isEmpty()) {
            throw new IllegalArgumentException("a household needs at least one person");
        }
        if (people.stream().map(Persona::key).distinct().count() != people.size()) {
            throw new IllegalArgumentException("two people share a key: " + people.stream().map(Persona::key).toList());
        }
    }

    /** Alex, Sam, Robin (a child, with an account of their own) and Jordan. */
    public static Household standard() {
        Device livingRoom = new Device("Living Room TV", "Jellyfin Android TV", Device.Kind.TV);
        Persona alex = new Persona("alex", "Alex", "alex", null, null,
                new Taste(Map.of("Science Fiction", 0.95, "Thriller", 0.8, "Action", 0.7, "Mystery", 0.6,
                        "Electronic", 0.9, "Rock", 0.55, "Crime", 0.5),
                        Map.of("intense", 0.8, "high-energy", 0.85, "dark", 0.6, "tense", 0.7, "calm", 0.3)),
                livingRoom, new Device("Alex's Phone", "Finamp", Device.Kind.PHONE),
                new Traits(1.5, 19, 0.3, 0.6, false, 0.1, 0.15, false, 0.2, 0.8, 0.7));
        Persona sam = new Persona("sam", "Sam", "sam", null, null,
                new Taste(Map.of("Comedy", 0.9, "Romance", 0.85, "Drama", 0.7, "Pop", 0.9, "Folk", 0.6,
                        "Adventure", 0.5),
                        Map.of("feel-good", 0.9, "warm", 0.9, "light", 0.8, "uplifting", 0.8, "dark", 0.15,
                                "tense", 0.2, "intense", 0.25)),
                new Device("Sam's Phone", "Jellyfin iOS", Device.Kind.PHONE),
                new Device("Sam's Phone", "Jellyfin iOS", Device.Kind.PHONE),
                new Traits(1.5, 20, 0.4, 0.3, false, 0.2, 0.1, true, 0.9, 0.0, 0.7));
        Persona robin = new Persona("robin", "Robin", "robin", null, 10,
                new Taste(Map.of("Animation", 0.95, "Family", 0.9, "Adventure", 0.6, "Fantasy", 0.6, "Pop", 0.7,
                        "Comedy", 0.55),
                        Map.of("feel-good", 0.9, "light", 0.9, "uplifting", 0.8, "dark", 0.05, "tense", 0.1)),
                new Device("Kids Tablet", "Jellyfin Web", Device.Kind.TABLET),
                new Device("Kids Tablet", "Jellyfin Web", Device.Kind.TABLET),
                new Traits(1.2, 16, 0.2, 0.5, false, 0.0, 0.3, false, 0.3, 0.5, 0.6));
        Persona jordan = new Persona("jordan", "Jordan", "jordan", null, null,
                new Taste(Map.of("Drama", 0.75, "War", 0.65, "Western", 0.55, "Mystery", 0.6, "Documentary", 0.3,
                        "Jazz", 0.9, "Classical", 0.85, "Ambient", 0.7),
                        Map.of("calm", 0.8, "slow-burn", 0.75, "instrumental", 0.8, "high-energy", 0.2)),
                new Device("Bedroom TV", "Jellyfin Roku", Device.Kind.TV),
                new Device("Study Speaker", "Finamp", Device.Kind.SPEAKER),
                new Traits(1.0, 18, 0.5, 0.2, true, 0.5, 0.05, false, 0.2, 0.3, 0.7));
        return new Household(List.of(alex, sam, robin, jordan));
    }

    /**
     * The household of {@code setlist demo}: {@link #standard()}, and Casey, a younger child who watches on
     * Alex's account, on the living-room TV, as the profile {@code casey} (ceiling: age 7): a shared account used
     * by a parent and a child, told apart only by the profile, beside a child with an account of their own.
     */
    public static Household demo() {
        Household standard = standard();
        Persona alex = standard.person("alex");
        Persona casey = new Persona("casey", "Casey", "casey", null, 7,
                new Taste(Map.of("Animation", 0.9, "Family", 0.85, "Comedy", 0.7, "Fantasy", 0.55, "Pop", 0.8,
                        "Musical", 0.6),
                        Map.of("feel-good", 0.9, "light", 0.9, "uplifting", 0.7, "dark", 0.0, "tense", 0.05)),
                alex.screen(), alex.screen(), new Traits(1.0, 17, 0.2, 0.4, false, 0.0, 0.3, false, 0.2, 0.5, 0.6));
        return standard.with(casey.inAccountOf(alex, "casey"));
    }

    /** The person with this key. */
    public Persona person(String key) {
        return people.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("nobody in the household is called " + key));
    }

    /** This household where the child {@code childKey} watches as a profile inside {@code parentKey}'s account. */
    public Household sharing(String childKey, String parentKey) {
        Persona parent = person(parentKey);
        List<Persona> shared = new ArrayList<>();
        for (Persona persona : people) {
            shared.add(persona.key().equals(childKey) ? persona.inAccountOf(parent, childKey) : persona);
        }
        return new Household(shared);
    }

    /** This household with one more person. */
    public Household with(Persona newcomer) {
        List<Persona> more = new ArrayList<>(people);
        more.add(Objects.requireNonNull(newcomer, "newcomer"));
        return new Household(more);
    }

    /** This household with one person's traits changed. */
    public Household withTraits(String key, Traits traits) {
        return new Household(people.stream().map(p -> p.key().equals(key) ? p.with(traits) : p).toList());
    }

    /** The accounts the media server lists, each once, named after the person whose account it is. */
    public List<MediaUser> accounts() {
        Map<String, MediaUser> accounts = new LinkedHashMap<>();
        for (Persona persona : people) {
            if (!persona.sharesAnAccount()) {
                accounts.put(persona.accountId(), persona.account(persona.name()));
            }
        }
        for (Persona persona : people) {
            accounts.putIfAbsent(persona.accountId(), persona.account(persona.accountKey()));
        }
        return List.copyOf(accounts.values());
    }
}
