package dev.setlist.scorer.eval;

import dev.setlist.scorer.data.IdIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The genres of each item of an evaluation, by item index, for the intra-list diversity metric:
 * two items are as dissimilar as {@code 1 - |G_a ∩ G_b| / |G_a ∪ G_b|} (one minus the Jaccard
 * index of their genre sets). Two items without any genre count as alike (0); one without and one
 * with genres as fully different (1).
 *
 * <p>Immutable; share freely.
 */
public final class ItemGenres {

    private final List<String> names;
    private final int[][] genresOfItem;

    private ItemGenres(List<String> names, int[][] genresOfItem) {
        this.names = names;
        this.genresOfItem = genresOfItem;
    }

    /**
     * The genres of every item of {@code items}, looked up by item id in {@code genresById}; items it
     * does not know have no genre.
     */
    public static ItemGenres of(IdIndex items, Map<String, List<String>> genresById) {
        Map<String, Integer> genreIndex = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[][] genresOfItem = new int[items.size()][];
        for (int item = 0; item < items.size(); item++) {
            List<String> genres = genresById.getOrDefault(items.idAt(item), List.of());
            int[] indices = new int[genres.size()];
            for (int g = 0; g < indices.length; g++) {
                indices[g] = genreIndex.computeIfAbsent(genres.get(g), name -> {
                    names.add(name);
                    return names.size() - 1;
                });
            }
            Arrays.sort(indices);
            int distinct = 0;
            for (int g = 0; g < indices.length; g++) {
                if (distinct == 0 || indices[distinct - 1] != indices[g]) {
                    indices[distinct++] = indices[g];
                }
            }
            genresOfItem[item] = Arrays.copyOf(indices, distinct);
        }
        return new ItemGenres(List.copyOf(names), genresOfItem);
    }

    /** No genre for any of {@code itemCount} items: every pair is alike, so diversity is 0. */
    public static ItemGenres none(int itemCount) {
        int[][] empty = new int[itemCount][];
        Arrays.fill(empty, new int[0]);
        return new ItemGenres(List.of(), empty);
    }

    public int itemCount() {
        return genresOfItem.length;
    }

    /** Every genre name seen, in order of first appearance. */
    public List<String> genreNames() {
        return names;
    }

    /** The genres of {@code item}, by name. */
    public List<String> genresOf(int item) {
        List<String> result = new ArrayList<>(genresOfItem[item].length);
        for (int g : genresOfItem[item]) {
            result.add(names.get(g));
        }
        return result;
    }

    /** {@code 1 - Jaccard} of the genre sets of {@code a} and {@code b}, in [0, 1]. */
    public double dissimilarity(int a, int b) {
        int[] x = genresOfItem[a];
        int[] y = genresOfItem[b];
        if (x.length == 0 && y.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 1.0 - (double) common / (x.length + y.length - common);
    }
}
