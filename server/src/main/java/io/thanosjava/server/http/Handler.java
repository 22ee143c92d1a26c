package io.thanosjava.server.http;

/** Answers one request. May block: handlers run on the API executor, never on a Netty event loop. */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request, RequestContext context) throws Exception;
}
