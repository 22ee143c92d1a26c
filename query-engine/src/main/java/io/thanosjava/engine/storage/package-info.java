/**
 * The public storage SPI: what the engine reads series and labels from. Implement
 * {@link io.thanosjava.engine.storage.Queryable} to make in-process data queryable (or use
 * {@link io.thanosjava.engine.storage.InMemoryQueryable}) and hand it to
 * {@link io.thanosjava.engine.Querier.Builder#queryable}.
 */
package io.thanosjava.engine.storage;
