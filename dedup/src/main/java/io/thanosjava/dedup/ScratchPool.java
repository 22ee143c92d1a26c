package io.thanosjava.dedup;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the {@link SeriesScratch} of one series set from iterator to iterator. An iterator borrows
 * one when it first decodes and gives it back once exhausted; an iterator abandoned early keeps
 * its scratch, and the next borrower gets a fresh one. Consumers read a set's series one after
 * another, so a single idle slot is enough; the atomic exchange keeps two iterators read
 * concurrently from ever sharing buffers.
 */
final class ScratchPool {
    private final AtomicReference<SeriesScratch> idle = new AtomicReference<>();

    SeriesScratch borrow() {
        SeriesScratch scratch = idle.getAndSet(null);
        return scratch != null ? scratch : new SeriesScratch();
    }

    void release(SeriesScratch scratch) {
        idle.set(scratch);
    }
}
