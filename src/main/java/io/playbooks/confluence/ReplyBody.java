package io.playbooks.confluence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The body of one answer, kept in blocks of 64 KB. A listing answer with 250 page bodies is a megabyte or more:
 * read into one growing array it would be copied through ever larger arrays, which G1 places as "humongous"
 * objects that start marking cycles of the whole heap: dozens in a bulk import under a 256 MB heap.
 */
public final class ReplyBody {

    static final ReplyBody EMPTY = new ReplyBody(List.of(), 0);
    static final int BLOCK = 64 * 1024;

    private final List<byte[]> blocks;
    private final int length;

    private ReplyBody(List<byte[]> blocks, int length) {
        this.blocks = blocks;
        this.length = length;
    }

    /** Reads the stream to its end; the caller closes it. */
    static ReplyBody read(InputStream in) throws IOException {
        return readAtMost(in, Integer.MAX_VALUE).orElseThrow(() ->
                new IOException("answer larger than " + Integer.MAX_VALUE + " bytes"));
    }

    /**
     * Reads the stream to its end, or until it has given more than {@code limit} bytes (at most
     * {@link Integer#MAX_VALUE}): then empty, and the rest is left unread. The caller closes the stream.
     */
    static Optional<ReplyBody> readAtMost(InputStream in, long limit) throws IOException {
        long most = Math.min(limit, Integer.MAX_VALUE);
        List<byte[]> blocks = new ArrayList<>();
        long length = 0;
        int filled;
        do {
            byte[] block = new byte[BLOCK];
            filled = in.readNBytes(block, 0, BLOCK);
            length += filled;
            if (length > most) {
                return Optional.empty();
            }
            if (filled > 0) {
                blocks.add(filled == BLOCK ? block : Arrays.copyOf(block, filled));
            }
        } while (filled == BLOCK);
        return Optional.of(blocks.isEmpty() ? EMPTY : new ReplyBody(blocks, (int) length));
    }

    public int length() {
        return length;
    }

    /** The bytes as one stream, without joining the blocks. */
    public InputStream open() {
        List<InputStream> parts = new ArrayList<>(blocks.size());
        for (byte[] block : blocks) {
            parts.add(new ByteArrayInputStream(block));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /**
     * The bytes in one array: for small bodies (error reasons) and downloads whose caller needs them whole. A body of
     * one block is that block, not a copy: callers only read it.
     */
    public byte[] bytes() {
        if (blocks.size() == 1) {
            return blocks.get(0);
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] block : blocks) {
            System.arraycopy(block, 0, all, at, block.length);
            at += block.length;
        }
        return all;
    }
}
