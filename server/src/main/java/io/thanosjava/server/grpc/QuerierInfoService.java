package io.thanosjava.server.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.thanosjava.engine.store.EndpointSet;
import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.info.StoreInfo;
import java.util.TreeSet;

/**
 * The querier's {@code thanos.info.Info}: component type {@code query}, the union of its healthy
 * stores' label sets and time ranges. It does not shard requests itself, so it does not claim
 * {@code supports_sharding}; replica-label stripping is forwarded or done on receipt, so it claims that.
 */
public final class QuerierInfoService extends InfoGrpc.InfoImplBase {
    private final EndpointSet endpoints;

    public QuerierInfoService(EndpointSet endpoints) {
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
    }

    @Override
    public void info(InfoRequest request, StreamObserver<InfoResponse> observer) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        TreeSet<Labels> labelSets = new TreeSet<>();
        for (StoreEndpoint e : endpoints.storeEndpoints()) {
            min = Math.min(min, e.info().minTime());
            max = Math.max(max, e.info().maxTime());
            labelSets.addAll(e.info().labelSets());
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
