package io.thanosjava.engine.store;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import io.thanosjava.storeapi.proto.store.ZLabelSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Asks an endpoint what it serves: {@code thanos.info.Info/Info} (all Thanos v0.37+ components), and
 * only when that is {@code UNIMPLEMENTED} the legacy {@code thanos.Store/Info} of older stores. Calls
 * wait for the connection to be ready, bounded by the info timeout, as Thanos does.
 */
final class InfoClient {
    private static final Set<String> COMPONENT_TYPES =
            Set.of("sidecar", "store", "query", "rule", "receive", "debug", "parquet-gateway");

    private InfoClient() {
    }

    /** @throws StatusRuntimeException when the endpoint cannot be asked */
    static StoreInfo ask(Channel channel, Duration timeout) {
        try {
            InfoResponse response = InfoGrpc.newBlockingStub(channel).withWaitForReady()
                    .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                    .info(InfoRequest.getDefaultInstance());
            return fromInfo(response);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                throw e;
            }
        }
        io.thanosjava.storeapi.proto.store.InfoResponse legacy = StoreGrpc.newBlockingStub(channel).withWaitForReady()
                .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .info(io.thanosjava.storeapi.proto.store.InfoRequest.getDefaultInstance());
        return fromLegacy(legacy);
    }

    static StoreInfo fromInfo(InfoResponse response) {
        String type = COMPONENT_TYPES.contains(response.getComponentType()) ? response.getComponentType()
                : "unknown-store-api";
        List<Labels> sets = labelSets(response.getLabelSetsList());
        if (!response.hasStore()) {
            return new StoreInfo(type, sets, Long.MAX_VALUE, Long.MIN_VALUE, false, false, false);
        }
        var store = response.getStore();
        return new StoreInfo(type, sets, store.getMinTime(), store.getMaxTime(), true, store.getSupportsSharding(),
                store.getSupportsWithoutReplicaLabels());
    }

    /** Old stores neither shard nor strip replica labels themselves. */
    static StoreInfo fromLegacy(io.thanosjava.storeapi.proto.store.InfoResponse response) {
        List<Labels> sets = labelSets(response.getLabelSetsList());
        if (sets.isEmpty() && response.getLabelsCount() > 0) {
            sets = List.of(LabelsConverter.fromThanos(response.getLabelsList()));
        }
        String type = switch (response.getStoreType()) {
            case QUERY -> "query";
            case RULE -> "rule";
            case SIDECAR -> "sidecar";
            case STORE -> "store";
            case RECEIVE -> "receive";
            case DEBUG -> "debug";
            default -> "unknown-store-api";
        };
        return new StoreInfo(type, sets, response.getMinTime(), response.getMaxTime(), true, false, false);
    }

    private static List<Labels> labelSets(List<ZLabelSet> wire) {
        List<Labels> sets = new ArrayList<>(wire.size());
        for (ZLabelSet set : wire) {
            sets.add(LabelsConverter.fromLabelSet(set));
        }
        return sets;
    }
}
