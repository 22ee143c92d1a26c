/**
 * Internal: not part of the public API; may change without notice.
 *
 * <p>The StoreAPI client behind {@link io.thanosjava.engine.Querier}: endpoint discovery and health, one gRPC
 * channel per endpoint, the Series and label fan-outs, and {@link io.thanosjava.engine.store.StoreQueryable}.
 */
package io.thanosjava.engine.store;
