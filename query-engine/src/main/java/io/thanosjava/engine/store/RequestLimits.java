package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.engine.QueryException;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.List;

/**
 * Enforces {@code --store.limits.request-series} and {@code --store.limits.request-samples} on the
 * merged output of one Series fan-out, as Thanos' proxy counts them: series sent out, and samples as
 * chunks times {@value FanoutOptions#SAMPLES_PER_CHUNK}. Going past a limit fails the call with an
 * {@code execution} error naming the limit and its flag.
 */
final class RequestLimits implements ChunkSeriesSet {
    private final ChunkSeriesSet input;
    private final long seriesLimit;
    private final long samplesLimit;
    private long series;
    private long samples;

    RequestLimits(ChunkSeriesSet input, long seriesLimit, long samplesLimit) {
        this.input = requireNonNull(input, "input is null");
        this.seriesLimit = seriesLimit;
        this.samplesLimit = samplesLimit;
    }

    static ChunkSeriesSet apply(ChunkSeriesSet input, FanoutOptions options) {
        if (options.seriesLimit() == 0 && options.samplesLimit() == 0) {
            return input;
        }
        return new RequestLimits(input, options.seriesLimit(), options.samplesLimit());
    }

    @Override
    public boolean next() {
        if (!input.next()) {
            return false;
        }
        series++;
        if (seriesLimit > 0 && series > seriesLimit) {
            throw limitError("failed to send series: limit " + seriesLimit + " violated (got " + series
                    + "); raise --store.limits.request-series or narrow the selector");
        }
        samples += input.chunks().size() * FanoutOptions.SAMPLES_PER_CHUNK;
        if (samplesLimit > 0 && samples > samplesLimit) {
            throw limitError("failed to send samples: limit " + samplesLimit + " violated (got " + samples
                    + ", counted as chunks x " + FanoutOptions.SAMPLES_PER_CHUNK
                    + "); raise --store.limits.request-samples or narrow the selector or time range");
        }
        return true;
    }

    private QueryException limitError(String message) {
        input.close();
        return new QueryException(QueryException.Type.EXECUTION, message);
    }

    @Override
    public Labels labels() {
        return input.labels();
    }

    @Override
    public List<Chunk> chunks() {
        return input.chunks();
    }

    @Override
    public List<String> warnings() {
        return input.warnings();
    }

    @Override
    public void close() {
        input.close();
    }
}
