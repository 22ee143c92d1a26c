package io.thanosjava.engine;

/**
 * A running gRPC listener serving a {@link Querier}'s merged view as a StoreAPI ({@code thanos.Store} and
 * {@code thanos.info.Info}), so that another querier can use it as an endpoint. Closed by
 * {@link #close()} or when its querier closes.
 */
public interface StoreApiServer extends AutoCloseable {
    /** The port it listens on (the bound one when port 0 was asked for). */
    int port();

    /** Stops listening; running calls get a few seconds to finish, then are cancelled. */
    @Override
    void close();
}
