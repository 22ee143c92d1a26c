package io.thanosjava.engine.eval;

/** A range-vector function on one window: sets {@link Window#result} and says whether there is an output. */
@FunctionalInterface
interface RangeKernel {
    boolean compute(Window w);
}
