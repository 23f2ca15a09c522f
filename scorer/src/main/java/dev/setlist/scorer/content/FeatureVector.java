package dev.setlist.scorer.content;

import java.util.Arrays;

/**
 * A sparse feature vector: feature indices (strictly increasing) and their values.
 *
 * <p>Immutable by convention: the arrays belong to this record and must not be changed.
 */
public record FeatureVector(int[] indices, float[] values) {

    public static final FeatureVector EMPTY = new FeatureVector(new int[0], new float[0]);

    public FeatureVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public int size() {
        return indices.length;
    }

    /** The dot product with another sparse vector (a merge of the two index lists). */
    public double dot(FeatureVector other) {
        double sum = 0;
        int a = 0;
        int b = 0;
        while (a < indices.length && b < other.indices.length) {
            int left = indices[a];
            int right = other.indices[b];
            if (left == right) {
                sum += (double) values[a++] * other.values[b++];
            } else if (left < right) {
                a++;
            } else {
                b++;
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureVector that
                && Arrays.equals(indices, that.indices) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector" + Arrays.toString(indices);
    }
}
