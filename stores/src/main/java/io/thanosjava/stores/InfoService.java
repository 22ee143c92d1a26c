package io.thanosjava.stores;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.info.StoreInfo;
import io.thanosjava.storeapi.proto.info.TSDBInfo;

/**
 * The {@code thanos.info.Info} service of a store: component type, the external label set (as the
 * only label set, omitted when empty, as Thanos' TSDB store does), and a {@code store}
 * sub-message with the backend's time range and both capabilities this plumbing implements
 * (sharding and {@code without_replica_labels}).
 */
public final class InfoService extends InfoGrpc.InfoImplBase {
    /** Component type of Thanos' store gateway; queriers group endpoints by it. */
    public static final String COMPONENT_STORE = "store";

    private final StoreBackend backend;
    private final Labels externalLabels;
    private final String componentType;
    private final StoreMetrics metrics;

    public InfoService(StoreBackend backend, Labels externalLabels, String componentType, StoreMetrics metrics) {
        this.backend = requireNonNull(backend, "backend is null");
        this.externalLabels = requireNonNull(externalLabels, "externalLabels is null");
        this.componentType = requireNonNull(componentType, "componentType is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public void info(InfoRequest request, StreamObserver<InfoResponse> responseObserver) {
        metrics.infoCalls.increment();
        long minTime = backend.minTime();
        long maxTime = backend.maxTime();
        StoreInfo.Builder store = StoreInfo.newBuilder()
                .setMinTime(minTime)
                .setMaxTime(maxTime)
                .setSupportsSharding(true)
                .setSupportsWithoutReplicaLabels(true);
        InfoResponse.Builder response = InfoResponse.newBuilder().setComponentType(componentType);
        if (!externalLabels.isEmpty()) {
            response.addLabelSets(LabelsConverter.toZLabelSet(externalLabels));
            store.addTsdbInfos(TSDBInfo.newBuilder()
                    .setLabels(LabelsConverter.toZLabelSet(externalLabels))
                    .setMinTime(minTime)
                    .setMaxTime(maxTime));
        }
        responseObserver.onNext(response.setStore(store).build());
        responseObserver.onCompleted();
    }
}
