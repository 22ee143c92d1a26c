package io.thanosjava.engine.store.proxy;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.info.StoreInfo;
import java.util.TreeSet;

/**
 * The querier's {@code thanos.info.Info}: component type {@code query}, the union of its queried
 * stores' label sets and time ranges. It does not shard requests itself, so it does not claim
 * {@code supports_sharding}; replica-label stripping is forwarded or done on receipt, so it claims that.
 */
public final class QuerierInfoService extends InfoGrpc.InfoImplBase {
    private final ProxySource source;

    public QuerierInfoService(ProxySource source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void info(InfoRequest request, StreamObserver<InfoResponse> observer) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        TreeSet<Labels> labelSets = new TreeSet<>();
        for (io.thanosjava.engine.store.StoreInfo store : source.stores()) {
            min = Math.min(min, store.minTime());
            max = Math.max(max, store.maxTime());
            labelSets.addAll(store.labelSets());
        }
        InfoResponse.Builder response = InfoResponse.newBuilder().setComponentType("query")
                .setStore(StoreInfo.newBuilder().setMinTime(min).setMaxTime(max).setSupportsWithoutReplicaLabels(true));
        for (Labels l : labelSets) {
            response.addLabelSets(LabelsConverter.toZLabelSet(l));
        }
        observer.onNext(response.build());
        observer.onCompleted();
    }
}
