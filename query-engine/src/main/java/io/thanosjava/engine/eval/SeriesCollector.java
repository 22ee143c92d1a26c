package io.thanosjava.engine.eval;

import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.List;

/** The sink that keeps every series, counting what it holds against the query's sample limit. */
final class SeriesCollector implements SeriesSink {
    private final EvalContext ctx;
    private final List<StepSeries> series = new ArrayList<>();
    private long samples;

    SeriesCollector(EvalContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public StepSeries series(Labels labels, int steps) {
        return new StepSeries(labels, steps);
    }

    @Override
    public void accept(StepSeries s) {
        series.add(s);
        samples += s.count();
        ctx.observe(samples);
    }

    List<StepSeries> series() {
        return series;
    }
}
