package io.thanosjava.stores;

import io.thanosjava.model.Labels;
import io.thanosjava.model.Xxh64;
import io.thanosjava.storeapi.proto.store.ShardInfo;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a series belongs to the shard a {@link ShardInfo} asks for, exactly as Thanos'
 * {@code storepb.ShardMatcher}: the selected labels (only the listed ones when {@code by}, all but
 * the listed ones otherwise) are written as {@code name 0xFF value 0xFF ...}, hashed with XXH64 and
 * the series belongs to shard {@code hash mod total_shards} (unsigned). Not thread-safe: one
 * instance per request, reusing its byte buffer across series.
 */
final class ShardMatcher {
    private static final byte SEPARATOR = (byte) 0xFF;

    private final boolean sharded;
    private final boolean by;
    private final Set<String> labels;
    private final long totalShards;
    private final long shardIndex;
    private byte[] buf = new byte[256];

    private ShardMatcher(ShardInfo info) {
        this.sharded = info != null && info.getTotalShards() >= 1;
        this.by = sharded && info.getBy();
        this.labels = sharded ? new HashSet<>(info.getLabelsList()) : Set.of();
        this.totalShards = sharded ? info.getTotalShards() : 1;
        this.shardIndex = sharded ? info.getShardIndex() : 0;
    }

    /** A matcher for the request's shard; {@code null} or {@code total_shards < 1} matches everything. */
    static ShardMatcher of(ShardInfo info) {
        return new ShardMatcher(info);
    }

    boolean isSharded() {
        return sharded;
    }

    /** Whether the complete label set (as it will be sent) falls into the requested shard. */
    boolean matches(Labels series) {
        if (!sharded) {
            return true;
        }
        int n = 0;
        for (int i = 0; i < series.size(); i++) {
            String name = series.name(i);
            if (labels.contains(name) == by) {
                n = append(n, name);
                n = append(n, series.value(i));
            }
        }
        long hash = Xxh64.hash(buf, 0, n);
        return Long.remainderUnsigned(hash, totalShards) == shardIndex;
    }

    private int append(int n, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int needed = n + bytes.length + 1;
        if (needed > buf.length) {
            byte[] grown = new byte[Math.max(needed, buf.length * 2)];
            System.arraycopy(buf, 0, grown, 0, n);
            buf = grown;
        }
        System.arraycopy(bytes, 0, buf, n, bytes.length);
        buf[n + bytes.length] = SEPARATOR;
        return needed;
    }
}
