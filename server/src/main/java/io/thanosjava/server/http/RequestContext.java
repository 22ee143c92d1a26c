package io.thanosjava.server.http;

/** Per-request facts a handler may need beyond the request itself. */
public interface RequestContext {
    /** True once the client has gone away; long-running handlers stop early. */
    boolean isClientGone();

    /** Registers an action that runs when the client disconnects before the response is written. */
    void onClientGone(Runnable action);
}
