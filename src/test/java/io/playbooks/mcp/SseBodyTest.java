package io.playbooks.mcp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed body of an MCP answer: events readable as they are sent, and an end once closed. */
class SseBodyTest {

    @Test
    void anEventIsReadableBeforeTheStreamEnds() throws Exception {
        SseBody body = new SseBody();
        body.send("7", "{\"a\":1}\n{\"b\":2}");

        byte[] buffer = new byte[256];
        int count = body.read(buffer, 0, buffer.length);

        assertThat(new String(buffer, 0, count, StandardCharsets.UTF_8))
                .isEqualTo("id: 7\nevent: message\ndata: {\"a\":1}\ndata: {\"b\":2}\n\n");
        assertThat(body.isClosed()).isFalse();
    }

    @Test
    void aReaderWaitsForTheNextEventAndSeesTheEndAfterClose() throws Exception {
        SseBody body = new SseBody();
        CompletableFuture<String> all = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        body.send(null, "one");
        body.send(null, "two");
        body.close();
        body.send(null, "after close");

        assertThat(events(all.get(10, TimeUnit.SECONDS))).containsExactly("event: message\ndata: one",
                "event: message\ndata: two");
    }

    @Test
    void aReadWithNoEventYetGivesABlankLineRatherThanWaitingForOne() throws Exception {
        SseBody body = new SseBody();
        byte[] buffer = new byte[4096];

        int count = body.read(buffer, 0, buffer.length);

        assertThat(count).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) '\n');
    }

    @Test
    void theLastQueuedEventGoesOutInABlockFilledWithBlankLines() throws Exception {
        SseBody body = new SseBody();
        ByteBuffer block = ByteBuffer.allocate(SseBody.SEND_BLOCK);
        body.send(null, "one");

        platformHttp(body).read(block);

        assertThat(block.hasRemaining()).as("the block is full, so platform-http sends it").isFalse();
        assertThat(events(text(block))).containsExactly("event: message\ndata: one");
        assertThat(body.available()).isZero();
    }

    @Test
    void anEventAfterIdleReadsStillFillsTheRestOfItsBlock() throws Exception {
        SseBody body = new SseBody();
        ReadableByteChannel platformHttp = platformHttp(body);
        ByteBuffer block = ByteBuffer.allocate(SseBody.SEND_BLOCK);
        for (int idle = 0; idle < 3; idle++) {
            assertThat(platformHttp.read(block)).isEqualTo(1);
            assertThat(body.available()).as("a blank line alone sends nothing").isZero();
        }
        body.send(null, "one");

        platformHttp.read(block);

        assertThat(block.hasRemaining()).isFalse();
        assertThat(events(text(block))).containsExactly("event: message\ndata: one");
    }

    @Test
    void anEventLongerThanABlockEndsInABlockFilledWithBlankLines() throws Exception {
        SseBody body = new SseBody();
        ReadableByteChannel platformHttp = platformHttp(body);
        ByteBuffer block = ByteBuffer.allocate(SseBody.SEND_BLOCK);
        String longData = "x".repeat(SseBody.SEND_BLOCK + 100);
        body.send(null, longData);

        platformHttp.read(block);
        String first = text(block);
        block.clear();
        platformHttp.read(block);

        assertThat(block.hasRemaining()).isFalse();
        assertThat(events(first + text(block))).containsExactly("event: message\ndata: " + longData);
    }

    /** Reads as platform-http does: a channel over the body, reading into a block of {@link SseBody#SEND_BLOCK}. */
    private static ReadableByteChannel platformHttp(SseBody body) {
        return Channels.newChannel(body);
    }

    private static String text(ByteBuffer block) {
        return new String(block.array(), 0, block.position(), StandardCharsets.UTF_8);
    }

    @Test
    void noBlankLinesFollowTheLastEventOnceTheStreamIsClosed() throws Exception {
        SseBody body = new SseBody();
        body.send(null, "one");
        body.close();

        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("event: message\ndata: one\n\n");
    }

    /** The events of a stream, without the blank lines that SSE ignores. */
    private static List<String> events(String stream) {
        return Arrays.stream(stream.split("\n\n+")).filter(event -> !event.isBlank()).map(String::strip).toList();
    }
}
