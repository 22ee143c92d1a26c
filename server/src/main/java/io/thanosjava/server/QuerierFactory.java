package io.thanosjava.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.thanosjava.engine.ClientTls;
import io.thanosjava.engine.DedupFunction;
import io.thanosjava.engine.GrpcCompression;
import io.thanosjava.engine.PartialResponse;
import io.thanosjava.engine.Querier;
import java.nio.file.Path;
import java.util.List;

/** The library's {@link Querier} configured from {@code thanos query}'s flags. */
final class QuerierFactory {
    private QuerierFactory() {
    }

    /**
     * Resolves and asks every endpoint once before returning (so the querier is ready), then keeps
     * refreshing them in the background.
     *
     * @param endpoints {@code --endpoint}s, or the demo stores' addresses
     */
    static Querier create(QueryCommand flags, List<String> endpoints, MeterRegistry registry) {
        Querier.Builder builder = Querier.builder()
                .endpoints(endpoints)
                .strictEndpoints(flags.strictEndpoints)
                .endpointFiles(flags.sdFiles.stream().map(Path::of).toList())
                .endpointFilesInterval(flags.sdInterval)
                .dnsInterval(flags.dnsInterval)
                .replicaLabels(flags.replicaLabels)
                .dedupFunction(flags.dedupFunc == QueryCommand.DedupFunc.chain ? DedupFunction.CHAIN : DedupFunction.PENALTY)
                .partialResponse(flags.partialResponse ? PartialResponse.WARN : PartialResponse.ABORT)
                .queryTimeout(flags.queryTimeout)
                .storeResponseTimeout(flags.storeResponseTimeout)
                .labelCacheTtl(flags.labelCacheTtl)
                .maxSamples(flags.maxSamples)
                .requestSeriesLimit(flags.requestSeriesLimit)
                .requestSamplesLimit(flags.requestSamplesLimit)
                .defaultSubqueryStep(flags.defaultEvaluationInterval)
                .experimentalFunctions(flags.experimentalFunctions())
                .grpcCompression(flags.grpcCompression == QueryCommand.Compression.snappy
                        ? GrpcCompression.SNAPPY : GrpcCompression.NONE)
                .clientTls(new ClientTls(flags.tlsSecure, flags.tlsCert, flags.tlsKey, flags.tlsCa, flags.tlsServerName,
                        flags.tlsSkipVerify))
                .meterRegistry(registry);
        if (flags.lookbackDelta != null && flags.lookbackDelta.toMillis() > 0) {
            builder.lookbackDelta(flags.lookbackDelta);
        }
        return builder.build();
    }
}
