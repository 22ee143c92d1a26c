package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

/**
 * Client TLS as {@code thanos query} flags configure it; empty strings mean "not given".
 *
 * @param secure {@code --grpc-client-tls-secure}: use TLS at all
 * @param certFile {@code --grpc-client-tls-cert}: client certificate (PEM), with {@code keyFile}
 * @param keyFile {@code --grpc-client-tls-key}: client private key (PEM, PKCS#8)
 * @param caFile {@code --grpc-client-tls-ca}: CA bundle to verify servers; system roots when empty
 * @param serverName {@code --grpc-client-server-name}: name expected in the server certificate (and sent as SNI)
 * @param skipVerify {@code --grpc-client-tls-skip-verify}: accept any server certificate
 */
public record ClientTlsOptions(boolean secure, String certFile, String keyFile, String caFile, String serverName,
                               boolean skipVerify) {
    public ClientTlsOptions {
        requireNonNull(certFile, "certFile is null");
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(caFile, "caFile is null");
        requireNonNull(serverName, "serverName is null");
        if (certFile.isEmpty() != keyFile.isEmpty()) {
            throw new IllegalArgumentException("--grpc-client-tls-cert and --grpc-client-tls-key must be given together");
        }
    }

    public static ClientTlsOptions plaintext() {
        return new ClientTlsOptions(false, "", "", "", "", false);
    }
}
