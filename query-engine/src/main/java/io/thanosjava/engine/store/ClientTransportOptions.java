package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * How channels to endpoints are set up: {@code --grpc-compression} and the client TLS flags. The
 * settings Thanos peers expect (unlimited inbound messages, keepalive 10 s / 5 s without idle pings)
 * are fixed in {@link GrpcChannels}.
 */
public record ClientTransportOptions(Compression compression, ClientTlsOptions tls) {
    /** {@code --grpc-compression}. */
    public enum Compression {
        NONE, SNAPPY;

        /** @throws IllegalArgumentException for anything but {@code none} or {@code snappy} */
        public static Compression fromFlag(String value) {
            requireNonNull(value, "value is null");
            return switch (value) {
                case "none" -> NONE;
                case "snappy" -> SNAPPY;
                default -> throw new IllegalArgumentException(
                        "unknown --grpc-compression \"" + value + "\": expected \"none\" or \"snappy\"");
            };
        }

        public String flagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ClientTransportOptions {
        requireNonNull(compression, "compression is null");
        requireNonNull(tls, "tls is null");
    }

    public static ClientTransportOptions plaintext() {
        return new ClientTransportOptions(Compression.NONE, ClientTlsOptions.plaintext());
    }
}
