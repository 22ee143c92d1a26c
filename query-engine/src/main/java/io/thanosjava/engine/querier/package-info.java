/**
 * Internal: not part of the public API; may change without notice.
 *
 * <p>The wiring behind {@link io.thanosjava.engine.Querier}: the store layer (endpoint set, fan-outs and
 * in-process queryables merged per request), the parse and label caches, metadata queries and the
 * asynchronous runner.
 */
package io.thanosjava.engine.querier;
