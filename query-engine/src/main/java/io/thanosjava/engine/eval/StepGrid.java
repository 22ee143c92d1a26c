package io.thanosjava.engine.eval;

/** The evaluation timestamps {@code start, start + step, ...} (count of them); an instant query has one. */
public record StepGrid(long start, long step, int count) {
    public StepGrid {
        if (count < 1) {
            throw new IllegalArgumentException("a grid needs at least one step");
        }
        if (step <= 0 && count > 1) {
            throw new IllegalArgumentException("step must be positive");
        }
    }

    public static StepGrid of(long start, long end, long step) {
        if (end < start) {
            throw new IllegalArgumentException("end timestamp must not be before start time");
        }
        if (start == end) {
            return new StepGrid(start, Math.max(step, 1), 1);
        }
        long n = (end - start) / step + 1;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many steps: " + n);
        }
        return new StepGrid(start, step, (int) n);
    }

    public long time(int i) {
        return start + i * step;
    }

    public long end() {
        return time(count - 1);
    }
}
