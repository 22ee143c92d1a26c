package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replica split of the differential data loses nothing and really differs between replicas. */
class DifferentialDataTest {
    private final DifferentialData data = new DifferentialData(20261118L);

    @Test
    void unionOfAllShardsAndReplicasIsTheOriginalData() {
        Set<String> union = new HashSet<>();
        for (int shard = 0; shard < 2; shard++) {
            for (int replica = 0; replica < 2; replica++) {
                union.addAll(samples(data.replica(shard, replica)));
            }
        }
        assertThat(union).isEqualTo(samples(data.openMetrics()));
    }

    @Test
    void replicasDropDifferentSamplesAndShardsAreDisjoint() {
        assertThat(data.droppedCount(0)).isPositive();
        assertThat(data.droppedCount(1)).isPositive();
        for (int shard = 0; shard < 2; shard++) {
            Set<String> a = samples(data.replica(shard, 0));
            Set<String> b = samples(data.replica(shard, 1));
            assertThat(a).isNotEqualTo(b);
            Set<String> other = samples(data.replica(1 - shard, 0));
            other.retainAll(a);
            assertThat(other).isEmpty();
        }
    }

    private static Set<String> samples(String openMetrics) {
        Set<String> lines = new HashSet<>();
        for (String line : openMetrics.split("\n")) {
            if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
