package io.thanosjava.engine.functions;

/**
 * A PromQL function was called with an argument value that Prometheus rejects at evaluation time
 * (for example a smoothing factor outside (0, 1) or an invalid label name). The message is
 * Prometheus' error text verbatim, so the evaluator can surface it unchanged.
 */
public final class InvalidFunctionArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidFunctionArgumentException(String message) {
        super(message);
    }
}
