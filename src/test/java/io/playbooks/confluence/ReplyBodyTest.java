package io.playbooks.confluence;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyBodyTest {

    @Test
    void anEmptyStreamIsTheEmptyBody() throws IOException {
        ReplyBody body = ReplyBody.read(new ByteArrayInputStream(new byte[0]));

        assertThat(body.length()).isZero();
        assertThat(body.bytes()).isEmpty();
        assertThat(body.open().read()).isEqualTo(-1);
    }

    @Test
    void keepsEveryByteAcrossBlockBoundaries() throws IOException {
        for (int size : new int[] {1, ReplyBody.BLOCK - 1, ReplyBody.BLOCK, ReplyBody.BLOCK + 1, 3 * ReplyBody.BLOCK}) {
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++) {
                bytes[i] = (byte) (i * 31 + i / 7);
            }

            ReplyBody body = ReplyBody.read(new TrickleStream(bytes));

            assertThat(body.length()).as("size %d", size).isEqualTo(size);
            assertThat(body.bytes()).as("size %d", size).isEqualTo(bytes);
            assertThat(body.open().readAllBytes()).as("size %d", size).isEqualTo(bytes);
        }
    }

    /** Hands out at most 1,000 bytes a read, as a network stream does. */
    private static final class TrickleStream extends InputStream {

        private final ByteArrayInputStream bytes;

        TrickleStream(byte[] bytes) {
            this.bytes = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, Math.min(len, 1000));
        }
    }
}
