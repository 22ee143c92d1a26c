/**
 * The public API of the query engine, for embedding a Thanos querier in any JVM service.
 *
 * <p>{@link io.thanosjava.engine.Querier} is the entry point: built once with endpoints and/or in-process
 * {@link io.thanosjava.engine.storage.Queryable}s, it answers instant and range PromQL queries, series and
 * label queries, synchronously or as {@link java.util.concurrent.CompletableFuture}s, with Thanos' replica
 * deduplication and partial-response handling. Results are {@link io.thanosjava.engine.QueryResult}s whose
 * {@link io.thanosjava.engine.Value} holds primitive arrays. {@link io.thanosjava.engine.QueryEngine}
 * evaluates parsed expressions over a single {@code Queryable} directly.
 *
 * <p>Public packages are this one and {@link io.thanosjava.engine.storage}; their signatures mention only
 * {@code java.*}, each other, {@code io.thanosjava.model}, {@code io.thanosjava.promql} and Micrometer's
 * {@code MeterRegistry}. Every other package of this module is internal.
 */
package io.thanosjava.engine;
