package io.thanosjava.model.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain XOR decoder, one bit at a time, written straight from the format
 * description: the model the fast decoder is compared against on random and damaged input.
 */
final class ReferenceXorDecoder {
    /** Samples decoded before the end or the failure; {@code failed} tells which. */
    record Result(List<long[]> samples, boolean failed) {
    }

    private final byte[] data;
    private long bit;

    private ReferenceXorDecoder(byte[] data) {
        this.data = data;
    }

    static Result decode(byte[] data) {
        List<long[]> out = new ArrayList<>();
        if (data.length < 2) {
            return new Result(out, true);
        }
        ReferenceXorDecoder r = new ReferenceXorDecoder(data);
        r.bit = 16;
        int count = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        long t = 0;
        long delta = 0;
        long value = 0;
        int leading = 0;
        int trailing = 0;
        try {
            for (int i = 0; i < count; i++) {
                if (i == 0) {
                    long u = r.uvarint();
                    t = (u >>> 1) ^ -(u & 1);
                    value = r.bits(64);
                } else {
                    if (i == 1) {
                        delta = r.uvarint();
                    } else {
                        int ones = 0;
                        while (ones < 4 && r.bits(1) == 1) {
                            ones++;
                        }
                        long dod;
                        if (ones == 4) {
                            dod = r.bits(64);
                        } else if (ones == 0) {
                            dod = 0;
                        } else {
                            int width = ones == 1 ? 14 : ones == 2 ? 17 : 20;
                            dod = r.bits(width);
                            if (dod > 1L << (width - 1)) {
                                dod -= 1L << width;
                            }
                        }
                        delta += dod;
                    }
                    t += delta;
                    if (r.bits(1) == 1) {
                        int significant;
                        if (r.bits(1) == 1) {
                            leading = (int) r.bits(5);
                            significant = (int) r.bits(6);
                            if (significant == 0) {
                                significant = 64;
                            }
                            trailing = 64 - leading - significant;
                            if (trailing < 0) {
                                return new Result(out, true);
                            }
                        } else {
                            significant = 64 - leading - trailing;
                        }
                        value ^= r.bits(significant) << trailing;
                    }
                }
                out.add(new long[] {t, value});
            }
        } catch (IndexOutOfBoundsException e) {
            return new Result(out, true);
        }
        return new Result(out, false);
    }

    private long uvarint() {
        long x = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            long b = bits(8);
            if (b < 0x80) {
                if (shift == 63 && b > 1) {
                    throw new IndexOutOfBoundsException("overflow");
                }
                return x | (b << shift);
            }
            x |= (b & 0x7f) << shift;
        }
        throw new IndexOutOfBoundsException("overflow");
    }

    private long bits(int n) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            int b = (data[(int) (bit >>> 3)] >>> (7 - (bit & 7))) & 1; // throws past the end
            v = (v << 1) | b;
            bit++;
        }
        return v;
    }
}
