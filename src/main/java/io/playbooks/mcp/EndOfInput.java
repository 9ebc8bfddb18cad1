package io.playbooks.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/** Standard input that tells when it has ended: the MCP client closed it, so the stdio server stops. */
final class EndOfInput extends FilterInputStream {

    private final CountDownLatch ended = new CountDownLatch(1);

    EndOfInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        return seen(guarded(super::read));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return seen(guarded(() -> super.read(buffer, offset, length)));
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private int seen(int count) {
        if (count < 0) {
            ended.countDown();
        }
        return count;
    }

    private int guarded(Read read) throws IOException {
        try {
            return read.read();
        } catch (IOException e) {
            ended.countDown();
            throw e;
        }
    }

    @FunctionalInterface
    private interface Read {
        int read() throws IOException;
    }
}
