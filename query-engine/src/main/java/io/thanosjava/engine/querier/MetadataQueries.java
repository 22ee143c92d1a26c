package io.thanosjava.engine.querier;

import io.thanosjava.engine.LabelsResult;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.SeriesResult;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.storage.SelectHints;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SeriesSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code /api/v1/series}, {@code /api/v1/labels} and {@code /api/v1/label/<name>/values} over a request's
 * view: one call per selector, the answers united, cut to the limit with Prometheus' warning, warnings
 * de-duplicated. A store failure that is not already a {@link QueryException} becomes an {@code execution} one.
 */
public final class MetadataQueries {
    static final String TRUNCATED = "results truncated due to limit";

    private MetadataQueries() {
    }

    /** The distinct series matching any of the selectors (each a list of matchers). */
    public static SeriesResult series(Queryable q, List<List<LabelMatcher>> selectors, long start, long end, int limit) {
        checkRange(start, end);
        SelectHints hints = new SelectHints(start, end, 0, 0, "series", List.of(), false, false);
        TreeSet<Labels> found = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        for (List<LabelMatcher> matchers : selectors) {
            try (SeriesSet s = q.select(hints, matchers)) {
                while (s.next()) {
                    found.add(s.at().labels());
                }
                warnings.addAll(s.warnings());
            } catch (RuntimeException e) {
                throw storeFailure(e);
            }
        }
        List<Labels> out = new ArrayList<>(found);
        return new SeriesResult(truncate(out, limit, warnings), distinct(warnings));
    }

    /** Label names ({@code name == null}) or the values of label {@code name}; no selectors means every series. */
    public static LabelsResult labels(Queryable q, String name, List<List<LabelMatcher>> selectors, long start, long end,
                                      int limit) {
        checkRange(start, end);
        List<List<LabelMatcher>> sets = selectors.isEmpty() ? List.of(List.of()) : selectors;
        TreeSet<String> values = new TreeSet<>(Labels::compareUtf8);
        List<String> warnings = new ArrayList<>();
        for (List<LabelMatcher> matchers : sets) {
            LabelQueryResult r;
            try {
                r = name == null ? q.labelNames(start, end, matchers) : q.labelValues(name, start, end, matchers);
            } catch (RuntimeException e) {
                throw storeFailure(e);
            }
            values.addAll(r.values());
            warnings.addAll(r.warnings());
        }
        List<String> out = new ArrayList<>(values);
        return new LabelsResult(truncate(out, limit, warnings), distinct(warnings));
    }

    /** @throws QueryException {@code bad_data}, in Prometheus' words, for an empty or invalid UTF-8 label name */
    public static void checkLabelName(String name) {
        if (name.isEmpty() || !new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(name)) {
            throw new QueryException(QueryException.Type.BAD_DATA, "invalid label name: \"" + name + "\"");
        }
    }

    private static void checkRange(long start, long end) {
        if (end < start) {
            throw new QueryException(QueryException.Type.BAD_DATA, "end timestamp must not be before start time");
        }
    }

    private static <T> List<T> truncate(List<T> all, int limit, List<String> warnings) {
        if (limit > 0 && all.size() > limit) {
            warnings.add(TRUNCATED);
            return all.subList(0, limit);
        }
        return all;
    }

    private static List<String> distinct(List<String> warnings) {
        return new ArrayList<>(new LinkedHashSet<>(warnings));
    }

    private static QueryException storeFailure(RuntimeException e) {
        return e instanceof QueryException q ? q : new QueryException(QueryException.Type.EXECUTION,
                String.valueOf(e.getMessage()), e);
    }
}
