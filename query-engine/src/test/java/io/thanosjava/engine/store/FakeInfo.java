package io.thanosjava.engine.store;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.info.StoreInfo;

/** A {@code thanos.info.Info} service answering a fixed store description, or "Not ready" when told. */
final class FakeInfo extends InfoGrpc.InfoImplBase {
    private final InfoResponse response;
    volatile boolean ready = true;

    FakeInfo(String componentType, Labels externalLabels, long minTime, long maxTime) {
        this.response = InfoResponse.newBuilder()
                .setComponentType(componentType)
                .addLabelSets(LabelsConverter.toZLabelSet(externalLabels))
                .setStore(StoreInfo.newBuilder().setMinTime(minTime).setMaxTime(maxTime)
                        .setSupportsSharding(true).setSupportsWithoutReplicaLabels(true))
                .build();
    }

    @Override
    public void info(InfoRequest request, StreamObserver<InfoResponse> observer) {
        if (!ready) {
            observer.onError(Status.UNAVAILABLE.withDescription("Not ready").asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}
