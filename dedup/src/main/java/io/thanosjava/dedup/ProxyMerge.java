package io.thanosjava.dedup;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * K-way merge of sorted {@link ChunkSeriesSet}s (one per store) into one sorted stream, as Thanos'
 * proxy does: all entries with equal labels, whether from different stores or from consecutive
 * frames of one store, become one series whose chunks are sorted by (min time, max time) with exact
 * duplicates (same bounds, encoding and bytes) dropped. Chunks with equal time ranges are ordered by
 * content, so the output, and any deduplication after it, does not depend on the order of the
 * inputs (Thanos leaves that order arbitrary).
 *
 * <p>A binary heap of input indices ordered by current labels, ties by input index, so the merge is
 * streaming: it holds one series per input. An input that goes backwards in label order fails the
 * merge with {@link IllegalStateException} rather than producing an unsorted stream.
 */
public final class ProxyMerge extends CursorChunkSeriesSet {
    /** Time range first (what readers need), then content, so the order never depends on which store answered first. */
    private static final Comparator<Chunk> CHUNK_ORDER = ProxyMerge::compareChunks;

    private final ChunkSeriesSet[] inputs;
    private final int[] heap;
    private int heapSize;
    private boolean started;
    private boolean done;

    private ProxyMerge(ChunkSeriesSet[] inputs) {
        this.inputs = inputs;
        this.heap = new int[inputs.length];
    }

    /** Merges the inputs; with a single input this still joins its consecutive equal-label frames. */
    public static ChunkSeriesSet merge(List<? extends ChunkSeriesSet> inputs) {
        requireNonNull(inputs, "inputs is null");
        ChunkSeriesSet[] array = new ChunkSeriesSet[inputs.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = requireNonNull(inputs.get(i), "input is null");
        }
        return new ProxyMerge(array);
    }

    @Override
    public boolean next() {
        if (done) {
            return false;
        }
        if (!started) {
            started = true;
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].next()) {
                    heap[heapSize] = i;
                    siftUp(heapSize++);
                }
            }
        }
        if (heapSize == 0) {
            done = true;
            clearCurrent();
            return false;
        }
        Labels current = inputs[heap[0]].labels();
        List<Chunk> single = null;
        List<Chunk> collected = null;
        while (heapSize > 0 && inputs[heap[0]].labels().equals(current)) {
            int top = heap[0];
            List<Chunk> frame = inputs[top].chunks();
            if (single == null) {
                single = frame;
            } else {
                if (collected == null) {
                    collected = new ArrayList<>(single.size() + frame.size());
                    collected.addAll(single);
                }
                collected.addAll(frame);
            }
            if (inputs[top].next()) {
                Labels following = inputs[top].labels();
                if (following.compareTo(current) < 0) {
                    throw new IllegalStateException("input " + top + " is not sorted by labels: "
                            + following + " after " + current);
                }
                siftDown(0);
            } else {
                heap[0] = heap[--heapSize];
                siftDown(0);
            }
        }
        if (collected != null) {
            moveTo(current, sortedWithoutDuplicates(collected));
        } else if (isStrictlyOrdered(single)) {
            moveTo(current, single); // one frame, as stores send it: nothing to sort or drop, so no copy
        } else {
            moveTo(current, sortedWithoutDuplicates(new ArrayList<>(single)));
        }
        return true;
    }

    private static boolean isStrictlyOrdered(List<Chunk> chunks) {
        for (int i = 1; i < chunks.size(); i++) {
            if (CHUNK_ORDER.compare(chunks.get(i - 1), chunks.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Sorts by (min time, max time, encoding, bytes) and drops chunks equal to their predecessor. */
    static List<Chunk> sortedWithoutDuplicates(List<Chunk> chunks) {
        if (chunks.size() < 2) {
            return chunks;
        }
        chunks.sort(CHUNK_ORDER);
        int kept = 1;
        for (int i = 1; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (CHUNK_ORDER.compare(chunks.get(kept - 1), c) != 0) {
                chunks.set(kept++, c);
            }
        }
        chunks.subList(kept, chunks.size()).clear();
        return chunks;
    }

    private static int compareChunks(Chunk a, Chunk b) {
        int c = ChunkOrder.compareTimeRanges(a, b);
        if (c == 0) {
            c = Integer.compare(a.encoding(), b.encoding());
        }
        return c != 0 ? c : Arrays.compare(a.array(), a.offset(), a.offset() + a.length(),
                b.array(), b.offset(), b.offset() + b.length());
    }

    private boolean less(int a, int b) {
        int c = inputs[a].labels().compareTo(inputs[b].labels());
        return c < 0 || (c == 0 && a < b);
    }

    private void siftUp(int pos) {
        int item = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!less(item, heap[parent])) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = item;
    }

    private void siftDown(int pos) {
        if (heapSize == 0) {
            return;
        }
        int item = heap[pos];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], item)) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = item;
    }

    /** The warnings of all inputs, in input order. */
    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        for (ChunkSeriesSet input : inputs) {
            all.addAll(input.warnings());
        }
        return all;
    }

    /** Closes every input, even when closing one of them fails; the first failure is rethrown. */
    @Override
    public void close() {
        done = true;
        RuntimeException failure = null;
        for (ChunkSeriesSet input : inputs) {
            try {
                input.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
