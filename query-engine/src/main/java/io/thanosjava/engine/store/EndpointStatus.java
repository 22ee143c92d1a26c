package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One endpoint as {@code /api/v1/stores} shows it.
 *
 * @param info the last metadata it announced ({@link StoreInfo#unknownStrict()} for a strict endpoint that
 *     never answered)
 * @param lastCheck when {@code Info} was last asked
 * @param lastError why the last {@code Info} failed; empty when it succeeded
 */
public record EndpointStatus(String address, boolean strict, boolean healthy, StoreInfo info, Instant lastCheck,
                             String lastError) {
    public EndpointStatus {
        requireNonNull(address, "address is null");
        requireNonNull(info, "info is null");
        requireNonNull(lastCheck, "lastCheck is null");
        requireNonNull(lastError, "lastError is null");
    }
}
