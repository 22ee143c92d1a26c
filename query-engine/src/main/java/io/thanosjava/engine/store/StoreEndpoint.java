package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;

/**
 * One StoreAPI endpoint as a fan-out sees it: the address that names it in warnings and errors, the
 * channel to call it on, and the {@link StoreInfo} used to decide whether a request concerns it.
 */
public record StoreEndpoint(String address, Channel channel, StoreInfo info) {
    public StoreEndpoint {
        requireNonNull(address, "address is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(info, "info is null");
    }
}
