/**
 * Internal: not part of the public API; may change without notice.
 *
 * <p>The querier's own StoreAPI ({@code thanos.Store} and {@code thanos.info.Info}) over a {@link
 * io.thanosjava.engine.store.proxy.ProxySource}, so that a querier can be the endpoint of another querier.
 */
package io.thanosjava.engine.store.proxy;
