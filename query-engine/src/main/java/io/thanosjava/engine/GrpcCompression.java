package io.thanosjava.engine;

/** Compression of calls to StoreAPI endpoints ({@code --grpc-compression}). */
public enum GrpcCompression {
    /** No compression. */
    NONE,
    /** Snappy framing, as Thanos' {@code snappy} codec. */
    SNAPPY
}
