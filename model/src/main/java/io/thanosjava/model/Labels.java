package io.thanosjava.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * An immutable label set, sorted by name, without duplicate names, as Prometheus keeps it.
 *
 * <p>Names and values sit side by side in one array ({@code name0, value0, name1, value1, ...}) so a
 * label set is one object plus one array. Ordering ({@link #compareTo}) is Prometheus'
 * {@code labels.Compare}: label by label, name then value, on UTF-8 bytes; a set that is a prefix
 * of another sorts first.
 */
public final class Labels implements Comparable<Labels> {
    public static final String METRIC_NAME = "__name__";

    private static final Labels EMPTY = new Labels(new String[0]);

    /** name0, value0, name1, value1, ... sorted by name. */
    private final String[] pairs;
    private int hash;

    private Labels(String[] sortedPairs) {
        this.pairs = sortedPairs;
    }

    public static Labels empty() {
        return EMPTY;
    }

    /** Builds a label set from alternating names and values, in any order; a later duplicate name wins. */
    public static Labels of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got an odd count: " + nameValuePairs.length);
        }
        Builder b = new Builder(nameValuePairs.length / 2);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            b.set(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return b.build();
    }

    /**
     * Wraps pairs that the caller guarantees are sorted by name, unique and non-empty-valued
     * (e.g. labels decoded from a store that sends them sorted). The array is not copied.
     */
    public static Labels wrapSorted(String[] sortedPairs) {
        return sortedPairs.length == 0 ? EMPTY : new Labels(sortedPairs);
    }

    public static Builder builder() {
        return new Builder(8);
    }

    public int size() {
        return pairs.length >> 1;
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    public String name(int i) {
        return pairs[i << 1];
    }

    public String value(int i) {
        return pairs[(i << 1) + 1];
    }

    /** The value of {@code name}, or {@code null} when absent. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : pairs[(i << 1) + 1];
    }

    /** The value of {@code name}, or {@code ""} when absent (Prometheus' {@code Labels.Get}). */
    public String getOrEmpty(String name) {
        String v = get(name);
        return v == null ? "" : v;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** Index of the label with this name, or a negative number when absent. */
    public int indexOf(String name) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareUtf8(pairs[mid << 1], name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** This set without the named labels; returns {@code this} when none of them is present. */
    public Labels without(Collection<String> names) {
        if (names.isEmpty() || isEmpty()) {
            return this;
        }
        int removed = 0;
        for (int i = 0; i < size(); i++) {
            if (names.contains(pairs[i << 1])) {
                removed++;
            }
        }
        if (removed == 0) {
            return this;
        }
        String[] out = new String[pairs.length - 2 * removed];
        int o = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            if (!names.contains(pairs[i])) {
                out[o++] = pairs[i];
                out[o++] = pairs[i + 1];
            }
        }
        return wrapSorted(out);
    }

    public Labels without(String... names) {
        return without(Arrays.asList(names));
    }

    /** Only the named labels (Prometheus' {@code Keep}). */
    public Labels keep(Collection<String> names) {
        Builder b = new Builder(names.size());
        for (int i = 0; i < pairs.length; i += 2) {
            if (names.contains(pairs[i])) {
                b.set(pairs[i], pairs[i + 1]);
            }
        }
        return b.build();
    }

    public Labels withoutMetricName() {
        return has(METRIC_NAME) ? without(METRIC_NAME) : this;
    }

    public Builder toBuilder() {
        Builder b = new Builder(size() + 2);
        for (int i = 0; i < pairs.length; i += 2) {
            b.set(pairs[i], pairs[i + 1]);
        }
        return b;
    }

    @Override
    public int compareTo(Labels o) {
        String[] a = pairs;
        String[] b = o.pairs;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                int c = compareUtf8(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * Compares strings by their UTF-8 bytes, which is code point order. Java's {@code compareTo}
     * compares UTF-16 units and disagrees when a surrogate pair meets a char in U+E000..U+FFFF.
     */
    public static int compareUtf8(String a, String b) {
        // The two orders differ only where a surrogate pair is involved. codePointCount is O(1) for the
        // usual Latin-1 string and shows a pair by counting fewer code points than chars; without one,
        // String's own comparison (an intrinsic, vectorised) gives the right order.
        if (a.codePointCount(0, a.length()) == a.length() && b.codePointCount(0, b.length()) == b.length()) {
            return a.compareTo(b);
        }
        return compareCodePoints(a, b);
    }

    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE || y >= Character.MIN_SURROGATE) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Labels)) {
            return false;
        }
        Labels other = (Labels) o;
        return hashCode() == other.hashCode() && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 1;
            for (String s : pairs) {
                h = 31 * h + s.hashCode();
            }
            h = h == 0 ? 1 : h;
            hash = h;
        }
        return h;
    }

    /** A 64-bit hash of the UTF-8 bytes (name, 0xff, value, 0xff...), stable across processes; used for sharding. */
    public long stableHash64() {
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (String s : pairs) {
            for (byte bt : s.getBytes(StandardCharsets.UTF_8)) {
                h ^= bt & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Prometheus' text form: {@code {a="1", b="2"}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(pairs.length * 8 + 2).append('{');
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(pairs[i]).append("=\"");
            appendEscaped(sb, pairs[i + 1]);
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    private static void appendEscaped(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\': sb.append("\\\\"); break;
                case '"': sb.append("\\\""); break;
                case '\n': sb.append("\\n"); break;
                default: sb.append(c);
            }
        }
    }

    /** Mutable builder; empty values delete a label, as in Prometheus. */
    public static final class Builder {
        private String[] names;
        private String[] values;
        private int size;

        Builder(int capacity) {
            names = new String[Math.max(capacity, 4)];
            values = new String[names.length];
        }

        public Builder set(String name, String value) {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(value, "value is null");
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
            return this;
        }

        public Builder del(String name) {
            return set(name, "");
        }

        public String get(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return values[i].isEmpty() ? null : values[i];
                }
            }
            return null;
        }

        public Labels build() {
            String[] out = new String[size * 2];
            int n = 0;
            for (int i = 0; i < size; i++) {
                String name = names[i];
                String value = values[i];
                if (value.isEmpty()) {
                    continue;
                }
                // Insertion sort: label sets are small, and this keeps the build free of boxing.
                int j = n;
                while (j > 0 && compareUtf8(out[2 * (j - 1)], name) > 0) {
                    out[2 * j] = out[2 * (j - 1)];
                    out[2 * j + 1] = out[2 * j - 1];
                    j--;
                }
                out[2 * j] = name;
                out[2 * j + 1] = value;
                n++;
            }
            if (n == 0) {
                return EMPTY;
            }
            return new Labels(n == size ? out : Arrays.copyOf(out, 2 * n));
        }
    }
}
