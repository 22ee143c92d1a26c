package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

/**
 * TLS towards StoreAPI endpoints, as {@code thanos query}'s client TLS flags configure it; empty strings
 * mean "not given".
 *
 * @param secure use TLS at all ({@code --grpc-client-tls-secure})
 * @param certFile client certificate (PEM), given together with {@code keyFile}
 * @param keyFile client private key (PEM, PKCS#8)
 * @param caFile CA bundle that signs the endpoints' certificates; the system roots when empty
 * @param serverName name expected in the endpoints' certificates (also sent as SNI)
 * @param skipVerify accept any server certificate
 */
public record ClientTls(boolean secure, String certFile, String keyFile, String caFile, String serverName,
                        boolean skipVerify) {
    /** Plaintext connections. */
    public static final ClientTls DISABLED = new ClientTls(false, "", "", "", "", false);

    /**
     * @throws IllegalArgumentException when only one of {@code certFile} and {@code keyFile} is given
     */
    public ClientTls {
        requireNonNull(certFile, "certFile is null");
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(caFile, "caFile is null");
        requireNonNull(serverName, "serverName is null");
        if (certFile.isEmpty() != keyFile.isEmpty()) {
            throw new IllegalArgumentException("client certificate and key must be given together");
        }
    }
}
