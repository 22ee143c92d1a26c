package io.thanosjava.server.http;

import java.util.List;
import java.util.Map;

/** A decoded request before routing: the full path and the merged parameters. */
record RawRequest(String method, String path, Map<String, List<String>> params, Map<String, String> headers) {
}
