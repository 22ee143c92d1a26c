package io.thanosjava.engine.querier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;

/**
 * How the querier's caches are built: bounded, with statistics, maintenance on the calling thread (no
 * background pool), the configured ticker, and their metrics on the registry when there is one.
 */
final class QuerierCaches {
    private QuerierCaches() {
    }

    /** A cache of at most {@code size} entries, or {@code null} when {@code size} is 0. */
    static <K, V> Cache<K, V> bounded(QuerierConfig config, long size, String name) {
        return size == 0 ? null : register(config, builder(config, size).build(), name);
    }

    /** Like {@link #bounded}, entries expiring {@code ttl} after they were written; {@code null} for a zero TTL. */
    static <K, V> Cache<K, V> expiring(QuerierConfig config, long size, Duration ttl, String name) {
        return size == 0 || ttl.isZero() ? null : register(config, builder(config, size).expireAfterWrite(ttl).build(), name);
    }

    private static Caffeine<Object, Object> builder(QuerierConfig config, long size) {
        return Caffeine.newBuilder()
                .maximumSize(size)
                .executor(Runnable::run)
                .ticker(config.tickerNanos()::getAsLong)
                .recordStats();
    }

    private static <K, V> Cache<K, V> register(QuerierConfig config, Cache<K, V> cache, String name) {
        if (config.registry() != null) {
            CaffeineCacheMetrics.monitor(config.registry(), cache, name);
        }
        return cache;
    }
}
