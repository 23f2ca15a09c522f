package dev.setlist.plugin.demo;

import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.UserStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the demo library and household into a fresh data folder, once: the catalog, the people (the
 * child's profile set to kids mode for good), and their month of history through the same ingestion path as webhook events. A data folder that was
 * seeded before is left as it is, so whatever happened since survives a restart.
 */
public final class DemoSeeder {

    static final String SEEDED_SETTING = "demo.seeded-at";

    private DemoSeeder() {
    }

    /** Seeds when not seeded before; returns the number of history events written (0 when already seeded). */
    public static int seedOnce(DemoMediaServer server, long seed, Instant now, Library library, UserStore users,
                               PersonStore people, EventIngestor ingestor, SettingStore settings) {
        if (settings.get(SEEDED_SETTING).isPresent()) {
            return 0;
        }
        library.putAll(server.catalog());
        for (DemoHousehold.Member member : server.household().members()) {
            users.upsert(member.user(), now);
            if (member.child()) {
                people.setMode(member.user().id(), "kids", null);
            }
        }
        List<PlaybackEvent> history = server.household().history(server.catalog(), seed, now);
        List<EventLog.Delivery> deliveries = new ArrayList<>(history.size());
        for (int index = 0; index < history.size(); index++) {
            deliveries.add(new EventLog.Delivery(history.get(index), "demo", deliveryKey(seed, index), null));
        }
        ingestor.ingestAll(deliveries);
        settings.put(SEEDED_SETTING, now.toString());
        return deliveries.size();
    }

    private static String deliveryKey(long seed, int index) {
        return DeliveryKey.of("demo:" + seed + ":" + index);
    }
}
