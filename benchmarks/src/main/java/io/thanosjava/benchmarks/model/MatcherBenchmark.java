package io.thanosjava.benchmarks.model;

import io.thanosjava.model.LabelMatcher;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Regex label matching per label value: our matcher (fast paths, re2j fallback) against plain re2j
 * and {@code java.util.regex}, all anchored with {@code .} matching newlines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatcherBenchmark {
    private static final int VALUES = 1024;
    private static final String[] WORDS = {"api", "web", "db", "cache", "api-gateway", "node-exporter", "prometheus", "x"};

    @Param({"api|web|db|cache", "api.*", ".*exporter", ".*gate.*", ".*", ".+", "api", "(api|web)-[0-9]+", "api-[0-9]+"})
    public String regex;

    private String[] labelValues;
    private LabelMatcher matcher;
    private com.google.re2j.Pattern re2j;
    private java.util.regex.Pattern jdk;

    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(7);
        labelValues = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            labelValues[i] = random.nextInt(3) == 0 ? word + "-" + random.nextInt(100) : word;
        }
        matcher = LabelMatcher.of(LabelMatcher.Type.RE, "job", regex);
        re2j = com.google.re2j.Pattern.compile("^(?s:" + regex + ")$");
        jdk = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.DOTALL);
        verify();
    }

    /** All three must select the same values, and the workload must select something. */
    private void verify() {
        int selected = fastPaths();
        if (selected != re2j() || selected != javaUtilRegex()) {
            throw new IllegalStateException("matchers disagree on " + regex);
        }
        if (selected == 0) {
            throw new IllegalStateException(regex + " selects nothing: a meaningless workload");
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int fastPaths() {
        int n = 0;
        for (String v : labelValues) {
            if (matcher.matches(v)) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int re2j() {
        int n = 0;
        for (String v : labelValues) {
            if (re2j.matcher(v).matches()) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int javaUtilRegex() {
        int n = 0;
        for (String v : labelValues) {
            if (jdk.matcher(v).matches()) {
                n++;
            }
        }
        return n;
    }
}
