package io.playbooks.broadcast;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on a free port (the JDK's HTTP server): it records every POST it gets and answers with the
 * status its mode says: down (503), failing a number of times first, or holding each request until released.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> attempts = new CopyOnWriteArrayList<>();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean down;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", this::receive);
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests are answered 500, then 200 again. */
    WebhookReceiver failFirst(int count) {
        failuresLeft.set(count);
        return this;
    }

    /** Every request is answered 503 while down. */
    WebhookReceiver down(boolean down) {
        this.down = down;
        return this;
    }

    /** Requests get no answer until {@link #release()}. */
    WebhookReceiver holdRequests() {
        hold = new CountDownLatch(1);
        return this;
    }

    void release() {
        hold.countDown();
    }

    List<Received> attempts() {
        return attempts;
    }

    /** The requests answered 200. */
    List<Received> accepted() {
        return accepted;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(DeliveryDispatcher.EVENT_ID_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), Instant.now());
            attempts.add(request);
            if (!hold.await(120, TimeUnit.SECONDS)) {
                return;
            }
            int status = down ? 503 : failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 200;
            byte[] body = (status == 200 ? "ok" : "receiver failing on purpose").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            if (status == 200) {
                accepted.add(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    record Received(String body, String eventId, String contentType, Instant at) {
    }
}
