package io.playbooks.mcp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Standard input of the stdio transport, one line (one message) at a time, with the lines {@link InboundCheck}
 * refuses taken out and answered with their JSON-RPC error on {@code answers}: the SDK's transport would end the
 * session at such a line. Blank lines are skipped. Answers are written under the lock of {@code answers}, the one
 * the transport writes its own messages under, so that lines never mix.
 */
final class InboundGate extends BlockReadStream {

    private final InputStream in;
    private final OutputStream answers;
    private byte[] admitted = new byte[0];
    private int position;
    private boolean ended;

    InboundGate(InputStream in, OutputStream answers) {
        this.in = new BufferedInputStream(in);
        this.answers = answers;
    }

    @Override
    protected int readBlock(byte[] buffer, int offset, int length) throws IOException {
        while (position == admitted.length) {
            if (ended || !admitNextLine()) {
                ended = true;
                return -1;
            }
        }
        int count = Math.min(length, admitted.length - position);
        System.arraycopy(admitted, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return admitted.length - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads lines until one is admitted (true) or the input ends (false). */
    private boolean admitNextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return false;
        }
        String text = line.toString(StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
            Optional<InboundCheck.Refusal> refusal = InboundCheck.check(text);
            if (refusal.isPresent()) {
                answer(refusal.get());
            } else {
                admitted = (text + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
        }
        return true;
    }

    private void answer(InboundCheck.Refusal refusal) throws IOException {
        byte[] line = (refusal.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (answers) {
            answers.write(line);
            answers.flush();
        }
    }
}
