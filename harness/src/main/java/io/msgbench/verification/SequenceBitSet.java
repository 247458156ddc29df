package io.msgbench.verification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.List;

/**
 * The sequence numbers (≥ 0) seen from one producer, one bit each, in pages allocated as sequences
 * reach them: 8 KiB per 65,536 messages, so a run of millions of messages costs megabytes, and the
 * writer allocates only once per page (amortised zero per message).
 *
 * <p>One writer thread calls {@link #add}; other threads may read, seeing at least every bit set
 * before a volatile write by the writer that they have read (the caller's counters publish).
 */
public final class SequenceBitSet {
    static final int PAGE_SHIFT = 16;
    private static final long PAGE_MASK = (1L << PAGE_SHIFT) - 1;
    private static final int WORDS_PER_PAGE = 1 << (PAGE_SHIFT - 6);

    private volatile long[][] pages = new long[16][];

    /** Marks {@code sequence}; false when it was already marked (a duplicate). */
    public boolean add(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
        long[] page = pageForWrite(sequence >>> PAGE_SHIFT);
        int bit = (int) (sequence & PAGE_MASK);
        int word = bit >>> 6;
        long mask = 1L << bit;
        long old = page[word];
        if ((old & mask) != 0) {
            return false;
        }
        page[word] = old | mask;
        return true;
    }

    public boolean contains(long sequence) {
        if (sequence < 0) {
            return false;
        }
        long[] page = page(sequence >>> PAGE_SHIFT);
        return page != null && (page[(int) (sequence & PAGE_MASK) >>> 6] & (1L << sequence)) != 0;
    }

    /** Number of sequences marked in {@code [from, to)}. */
    public long count(long from, long to) {
        return countUnion(List.of(this), from, to);
    }

    /** Number of sequences in {@code [from, to)} marked in at least one of {@code sets}. */
    public static long countUnion(List<SequenceBitSet> sets, long from, long to) {
        long n = 0;
        for (long w = Math.max(0, from) >>> 6, end = wordsUpTo(to); w < end; w++) {
            long union = 0;
            for (SequenceBitSet s : sets) {
                union |= s.word(w);
            }
            n += Long.bitCount(union & rangeMask(w, from, to));
        }
        return n;
    }

    /**
     * Extra marks in {@code [from, to)}: for every sequence marked in k &gt; 1 of {@code sets}, k − 1
     * (a message delivered to k consumers of one subscription).
     */
    public static long countOverlaps(List<SequenceBitSet> sets, long from, long to) {
        long n = 0;
        for (long w = Math.max(0, from) >>> 6, end = wordsUpTo(to); w < end; w++) {
            long union = 0;
            long range = rangeMask(w, from, to);
            for (SequenceBitSet s : sets) {
                long bits = s.word(w) & range;
                union |= bits;
                n += Long.bitCount(bits);
            }
            n -= Long.bitCount(union);
        }
        return n;
    }

    /**
     * The marks as text, to travel from a worker to the coordinator that verifies what consumers on several workers
     * received: for each allocated page its index and words, deflated, in base64. Read once the writer has stopped.
     */
    public String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            long[][] p = pages;
            for (int i = 0; i < p.length; i++) {
                if (p[i] != null) {
                    out.writeInt(i);
                    for (long w : p[i]) {
                        out.writeLong(w);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The set {@link #encode()} wrote; one line saying so when the text is not one. */
    public static SequenceBitSet decode(String text) {
        SequenceBitSet set = new SequenceBitSet();
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(text))))) {
            while (true) {
                int index;
                try {
                    index = in.readInt();
                } catch (EOFException end) {
                    return set;
                }
                long[] page = set.pageForWrite(index);
                for (int w = 0; w < WORDS_PER_PAGE; w++) {
                    page[w] = in.readLong();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded sequence set: " + e.getMessage(), e);
        }
    }

    private static long wordsUpTo(long to) {
        return to <= 0 ? 0 : ((to - 1) >>> 6) + 1;
    }

    /** The bits of word {@code w} that lie in {@code [from, to)}. */
    private static long rangeMask(long w, long from, long to) {
        long first = w << 6;
        long mask = -1L;
        if (from > first) {
            mask &= -1L << (from - first);
        }
        if (to < first + 64) {
            mask &= (1L << (to - first)) - 1;
        }
        return mask;
    }

    private long word(long w) {
        long[] page = page(w >>> (PAGE_SHIFT - 6));
        return page == null ? 0 : page[(int) (w & (WORDS_PER_PAGE - 1))];
    }

    private long[] page(long index) {
        long[][] p = pages;
        return index < p.length ? p[(int) index] : null;
    }

    private long[] pageForWrite(long index) {
        if (index >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence beyond 2^47");
        }
        long[][] p = pages;
        if (index >= p.length) {
            long[][] grown = new long[Math.max(p.length * 2, (int) index + 1)][];
            System.arraycopy(p, 0, grown, 0, p.length);
            pages = p = grown;
        }
        long[] page = p[(int) index];
        if (page == null) {
            page = new long[WORDS_PER_PAGE];
            p[(int) index] = page;
        }
        return page;
    }
}
