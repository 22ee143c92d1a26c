package io.thanosjava.engine.querier;

import com.github.benmanes.caffeine.cache.Cache;
import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.thanosjava.engine.store.LabelFanout;
import java.util.List;

/**
 * Each endpoint's answers to {@code LabelNames}/{@code LabelValues}, kept for the configured time after they
 * arrived (never longer, so a changed label set shows within that time) and bounded in number. Keyed by the
 * endpoint's address, the tenant and the whole request (time range, matchers, limit, strategy).
 */
public final class EndpointLabelCache implements LabelFanout.ResponseCache {
    /** Cache name in the metrics. */
    public static final String NAME = "endpoint_labels";

    private record Key(String store, String tenant, MessageLite request) {
    }

    private final Cache<Key, List<ByteString>> cache;

    private EndpointLabelCache(Cache<Key, List<ByteString>> cache) {
        this.cache = cache;
    }

    /** The cache as configured, or {@code null} when it is disabled (zero TTL or size). */
    public static EndpointLabelCache create(QuerierConfig config) {
        Cache<Key, List<ByteString>> cache = QuerierCaches.expiring(config, config.labelCacheSize(),
                config.labelCacheTtl(), NAME);
        return cache == null ? null : new EndpointLabelCache(cache);
    }

    @Override
    public List<ByteString> get(String store, String tenant, MessageLite request) {
        return cache.getIfPresent(new Key(store, tenant, request));
    }

    @Override
    public void put(String store, String tenant, MessageLite request, List<ByteString> values) {
        cache.put(new Key(store, tenant, request), List.copyOf(values));
    }
}
