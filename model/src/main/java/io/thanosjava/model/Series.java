package io.thanosjava.model;

/** One series: its labels and a fresh iterator over its samples on each call. */
public interface Series {
    Labels labels();

    SampleIterator iterator();
}
