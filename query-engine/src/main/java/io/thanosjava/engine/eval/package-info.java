/**
 * Internal: not part of the public API; may change without notice.
 *
 * <p>The PromQL evaluator behind {@link io.thanosjava.engine.QueryEngine}: step grids, selectors, operators,
 * aggregations and the function table.
 */
package io.thanosjava.engine.eval;
