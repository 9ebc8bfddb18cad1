package io.playbooks.mcp;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that reads in blocks only: the single-byte read goes through {@link #readBlock}, and so does no
 * read of nothing. The MCP transports' streams (stdin as read, the answers streamed) each say only how a block is read.
 */
abstract class BlockReadStream extends InputStream {

    /** Reads at least one byte into {@code buffer}, waiting as the stream must; -1 at its end. */
    protected abstract int readBlock(byte[] buffer, int offset, int length) throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        return length == 0 ? 0 : readBlock(buffer, offset, length);
    }
}
