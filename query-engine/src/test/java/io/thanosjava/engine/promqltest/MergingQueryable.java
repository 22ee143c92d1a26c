package io.thanosjava.engine.promqltest;

import io.thanosjava.engine.storage.ArraySeries;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.ListSeriesSet;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.Series;
import io.thanosjava.model.SeriesSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Several stores behind one {@link Queryable}, merged by labels with overlapping samples
 * deduplicated by timestamp: the shape of Thanos' fan-out, for the {@code store} script directive.
 */
final class MergingQueryable implements Queryable {
    private final List<Queryable> stores;

    MergingQueryable(List<Queryable> stores) {
        this.stores = List.copyOf(stores);
    }

    @Override
    public SeriesSet select(SelectHints hints, List<LabelMatcher> matchers) {
        TreeMap<Labels, TreeMap<Long, Double>> merged = new TreeMap<>();
        for (Queryable q : stores) {
            try (SeriesSet set = q.select(hints, matchers)) {
                while (set.next()) {
                    TreeMap<Long, Double> samples = merged.computeIfAbsent(set.at().labels(), k -> new TreeMap<>());
                    SampleIterator it = set.at().iterator();
                    while (it.next()) {
                        samples.putIfAbsent(it.atT(), it.atV());
                    }
                }
            }
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Labels, TreeMap<Long, Double>> e : merged.entrySet()) {
            long[] t = new long[e.getValue().size()];
            double[] v = new double[t.length];
            int i = 0;
            for (Map.Entry<Long, Double> s : e.getValue().entrySet()) {
                t[i] = s.getKey();
                v[i++] = s.getValue();
            }
            out.add(new ArraySeries(e.getKey(), t, v, 0, t.length));
        }
        return new ListSeriesSet(out);
    }

    @Override
    public LabelQueryResult labelNames(long mint, long maxt, List<LabelMatcher> matchers) {
        TreeSet<String> all = new TreeSet<>(Labels::compareUtf8);
        for (Queryable q : stores) {
            all.addAll(q.labelNames(mint, maxt, matchers).values());
        }
        return new LabelQueryResult(new ArrayList<>(all), List.of());
    }

    @Override
    public LabelQueryResult labelValues(String name, long mint, long maxt, List<LabelMatcher> matchers) {
        TreeSet<String> all = new TreeSet<>(Labels::compareUtf8);
        for (Queryable q : stores) {
            all.addAll(q.labelValues(name, mint, maxt, matchers).values());
        }
        return new LabelQueryResult(new ArrayList<>(all), List.of());
    }
}
