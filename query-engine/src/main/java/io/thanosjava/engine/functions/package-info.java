/**
 * Internal: not part of the public API; may change without notice.
 *
 * <p>PromQL's numeric kernels: pure, allocation-free functions over primitive arrays that the
 * evaluator calls once per series and step, each reproducing Prometheus 3.x (3.9.1) to the last
 * bit where Go's arithmetic is reproducible in Java.
 *
 * <h2>Kernel contract</h2>
 * <ul>
 *   <li><b>Windows.</b> Range-vector kernels take {@code long[] ts, double[] vs, int from, int to}:
 *       the float samples {@code [from, to)} of one series that fall in the left-open window
 *       (rangeStart, rangeEnd], timestamps in milliseconds and strictly increasing. The caller has
 *       already removed stale markers and separated histogram samples.</li>
 *   <li><b>Minimum sample counts.</b> Each kernel class documents {@code MIN_SAMPLES}
 *       ({@link io.thanosjava.engine.functions.Rates#MIN_SAMPLES} = 2,
 *       {@link io.thanosjava.engine.functions.LinearRegression#MIN_SAMPLES} = 2,
 *       {@link io.thanosjava.engine.functions.DoubleExponentialSmoothing#MIN_SAMPLES} = 2,
 *       {@link io.thanosjava.engine.functions.OverTime#MIN_SAMPLES} = 1). Below it Prometheus emits
 *       no sample, so the caller must not call the kernel; doing so throws
 *       {@link java.lang.IllegalArgumentException}, as does a window outside the arrays.</li>
 *   <li><b>Histograms.</b> Kernels see floats only. Prometheus' rules for windows holding
 *       histograms (no output plus a warning for {@code rate}/{@code sum_over_time}/
 *       {@code avg_over_time} on a mix, an info annotation and a float-only result for the other
 *       functions, both kinds counted by {@code count_over_time}/{@code present_over_time}) are
 *       applied by the evaluator before calling.</li>
 *   <li><b>Annotations and errors.</b> Kernels never emit annotations; they return the flags the
 *       evaluator needs ({@link io.thanosjava.engine.functions.BucketQuantile#forcedMonotonicity()}).
 *       Invalid argument values that Prometheus rejects raise
 *       {@link io.thanosjava.engine.functions.InvalidFunctionArgumentException} carrying
 *       Prometheus' message verbatim.</li>
 *   <li><b>Scratch space.</b> Kernels that must sort take a caller-owned {@code double[] scratch}
 *       so the evaluator can reuse one buffer per operator.</li>
 *   <li><b>Exactness.</b> Summations are Kahan–Neumaier compensated in exactly Prometheus' order
 *       ({@link io.thanosjava.engine.functions.KahanSum}); divisions, roundings and constants
 *       follow Go's code, not a mathematically equivalent rewrite.</li>
 * </ul>
 *
 * <h2>Contents</h2>
 * <ul>
 *   <li>{@link io.thanosjava.engine.functions.Rates}: rate, increase, delta, irate, idelta.</li>
 *   <li>{@link io.thanosjava.engine.functions.OverTime}: sum/avg/min/max/count/stddev/stdvar/last/
 *       first/present/quantile/mad_over_time, ts_of_*_over_time, resets, changes.</li>
 *   <li>{@link io.thanosjava.engine.functions.LinearRegression}: deriv, predict_linear.</li>
 *   <li>{@link io.thanosjava.engine.functions.DoubleExponentialSmoothing}.</li>
 *   <li>Aggregation accumulators: {@link io.thanosjava.engine.functions.KahanSum} (sum),
 *       {@link io.thanosjava.engine.functions.AvgAccumulator} (avg),
 *       {@link io.thanosjava.engine.functions.VarianceAccumulator} (stddev, stdvar),
 *       {@link io.thanosjava.engine.functions.Quantile} (quantile).</li>
 *   <li>{@link io.thanosjava.engine.functions.BucketQuantile} and
 *       {@link io.thanosjava.engine.functions.BucketFraction}: histogram_quantile and
 *       histogram_fraction on classic buckets.</li>
 *   <li>{@link io.thanosjava.engine.functions.InstantMath} and
 *       {@link io.thanosjava.engine.functions.DateFunctions}: per-sample instant functions.</li>
 *   <li>{@link io.thanosjava.engine.functions.LabelFunctions}: label_replace, label_join.</li>
 * </ul>
 */
package io.thanosjava.engine.functions;
