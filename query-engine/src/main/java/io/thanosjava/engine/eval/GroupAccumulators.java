package io.thanosjava.engine.eval;

import io.thanosjava.engine.functions.AvgAccumulator;
import io.thanosjava.engine.functions.KahanSum;
import io.thanosjava.engine.functions.VarianceAccumulator;

/**
 * One reusable accumulator of the shared kernels per aggregation group, for the aggregations
 * that fold a group's values at one step into one number ({@code sum}, {@code avg},
 * {@code stddev}, {@code stdvar}). {@link Aggregations} drives them one step at a time.
 */
abstract class GroupAccumulators {
    /** Starts group {@code g}'s value for a new step with its first sample. */
    abstract void first(int g, double v);

    abstract void add(int g, double v);

    abstract double value(int g);

    static GroupAccumulators sum(int groups) {
        KahanSum[] acc = new KahanSum[groups];
        for (int g = 0; g < groups; g++) {
            acc[g] = new KahanSum();
        }
        return new GroupAccumulators() {
            @Override
            void first(int g, double v) {
                acc[g].reset();
                acc[g].add(v);
            }

            @Override
            void add(int g, double v) {
                acc[g].add(v);
            }

            @Override
            double value(int g) {
                return acc[g].value();
            }
        };
    }

    static GroupAccumulators avg(int groups) {
        AvgAccumulator[] acc = new AvgAccumulator[groups];
        for (int g = 0; g < groups; g++) {
            acc[g] = new AvgAccumulator();
        }
        return new GroupAccumulators() {
            @Override
            void first(int g, double v) {
                acc[g].first(v);
            }

            @Override
            void add(int g, double v) {
                acc[g].add(v);
            }

            @Override
            double value(int g) {
                return acc[g].value();
            }
        };
    }

    /** {@code stddev} when {@code sqrt}, else {@code stdvar}. */
    static GroupAccumulators variance(int groups, boolean sqrt) {
        VarianceAccumulator[] acc = new VarianceAccumulator[groups];
        for (int g = 0; g < groups; g++) {
            acc[g] = new VarianceAccumulator();
        }
        return new GroupAccumulators() {
            @Override
            void first(int g, double v) {
                acc[g].first(v);
            }

            @Override
            void add(int g, double v) {
                acc[g].add(v);
            }

            @Override
            double value(int g) {
                return sqrt ? acc[g].stddev() : acc[g].stdvar();
            }
        };
    }
}
