package dev.setlist.plugin.together;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a group's tastes become one score. Each member's scores are first turned into percentiles over the
 * items the group can watch (1: their favourite, 0: their least liked), so that a heavy viewer, whose
 * taste vector is longer, does not outvote a light one.
 */
public enum GroupStrategy {

    /**
     * The group score of an item is its lowest percentile among the members: the playlist is made of what
     * the least happy person minds least. Safe, but the pickiest member decides everything, and how much
     * the others love an item does not count.
     */
    LEAST_MISERY,

    /**
     * The group score is the members' average percentile, over the items every member ranks at or above
     * the misery floor ("average without misery"). The default: it counts everyone's enthusiasm, as the
     * average does, while promising each member that nothing in the playlist is below their floor. In
     * Masthoff's studies of group viewing it is among the strategies people use themselves and judge fair.
     */
    FAIR_BLEND;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code least_misery}, {@code fair-blend}, {@code FAIR_BLEND}... */
    public static GroupStrategy parse(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (GroupStrategy strategy : values()) {
            if (strategy.name().equals(normal)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("strategy must be one of " + Arrays.stream(values()).map(GroupStrategy::key)
                .toList() + ", was '" + text + "'");
    }
}
