package io.thanosjava.server.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete response: status, content type, extra headers and the body bytes. */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static final String JSON = "application/json";

    public ApiResponse {
        requireNonNull(contentType, "contentType is null");
        headers = Map.copyOf(requireNonNull(headers, "headers is null"));
        requireNonNull(body, "body is null");
    }

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, Map.of(), body);
    }

    public static ApiResponse text(int status, String body) {
        return new ApiResponse(status, "text/plain; charset=utf-8", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse withHeader(String name, String value) {
        java.util.HashMap<String, String> h = new java.util.HashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, contentType, h, body);
    }
}
