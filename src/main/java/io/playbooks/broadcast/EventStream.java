package io.playbooks.broadcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.api.ApiError;
import io.playbooks.api.ApiException;
import io.playbooks.api.ApiJson;
import io.playbooks.api.ApiTokenCheck;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/confluence/events/stream}: the event log as server-sent events, on the service's HTTP server
 * behind the API token. A client starts after {@code Last-Event-ID} (what a reconnecting EventSource sends) or
 * {@code ?since=} (an event id or time), else with the events logged from now on; each event is sent with its log id
 * as the SSE id. It is served by a Vert.x handler on the platform-http router rather than a Camel route because a
 * Camel route holds a worker thread for as long as its answer streams; here an idle stream holds no thread, and new
 * events wake it at once through the {@link EventFeed}. A comment line every heartbeat keeps proxies from closing it
 * and, for events logged by another instance on the same database, reads the log again.
 */
public final class EventStream extends ServiceSupport implements ExtendedStartupListener, Handler<RoutingContext> {

    public static final String PATH = "/api/v1/confluence/events/stream";
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final int PAGE = 100;

    private final EventLog log;
    private final EventFeed feed;
    private final ApiTokenCheck tokens;
    private final Duration heartbeat;
    /** The REST API's JSON, so an event on the stream reads as it does in GET /events. */
    private final ObjectMapper json = ApiJson.mapper();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    public EventStream(EventLog log, EventFeed feed, ApiTokenCheck tokens, Duration heartbeat) {
        this.log = log;
        this.feed = feed;
        this.tokens = tokens;
        this.heartbeat = heartbeat;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server is up only once the whole context is
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(VertxPlatformHttpRouter::isMainServer)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the event stream needs the HTTP server: set camel.server.enabled=true"))
                .get(PATH).handler(this);
    }

    @Override
    public void handle(RoutingContext request) {
        HttpServerResponse response = request.response();
        response.putHeader("Cache-Control", "no-store");
        if (!tokens.accepts(request.request().getHeader("Authorization"))) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"confluence-playbooks\"");
            refuse(response, new ApiError("this API needs a bearer token: send Authorization: Bearer <PLAYBOOKS_API_TOKEN>",
                    401, "unauthorized"));
            return;
        }
        String lastEventId = request.request().getHeader("Last-Event-ID");
        EventCursor cursor;
        try {
            cursor = EventCursor.parse(lastEventId != null ? lastEventId : request.queryParams().get("since"));
        } catch (ApiException bad) {
            refuse(response, new ApiError(bad.getMessage(), 400, "bad_request"));
            return;
        }
        Vertx vertx = request.vertx();
        Context context = vertx.getOrCreateContext();
        vertx.executeBlocking(() -> log.startAfter(cursor), false).onComplete(start -> {
            if (start.failed()) {
                refuse(response, new ApiError("the event log cannot be read: " + start.cause().getMessage(), 503,
                        "database_unavailable"));
                return;
            }
            response.setStatusCode(200).setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("X-Accel-Buffering", "no");
            response.write("retry: 3000\n\n");
            Connection connection = new Connection(vertx, context, response, start.result());
            open.add(connection);
            connection.pump();
        });
    }

    @Override
    protected void doStop() {
        open.forEach(Connection::end);
    }

    private void refuse(HttpServerResponse response, ApiError error) {
        try {
            response.setStatusCode(error.status()).putHeader("Content-Type", "application/json").end(json.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            response.setStatusCode(error.status()).end();
        }
    }

    /** One client's stream: its cursor, and at most one read of the log at a time (reads run off the event loop). */
    private final class Connection {
        private final Vertx vertx;
        private final Context context;
        private final HttpServerResponse response;
        private final Runnable unsubscribe;
        private final long timer;
        private long cursor;
        private boolean reading;
        private boolean again;
        private boolean closed;

        Connection(Vertx vertx, Context context, HttpServerResponse response, long cursor) {
            this.vertx = vertx;
            this.context = context;
            this.response = response;
            this.cursor = cursor;
            this.unsubscribe = feed.subscribe(() -> context.runOnContext(ignored -> pump()));
            this.timer = vertx.setPeriodic(heartbeat.toMillis(), ignored -> {
                response.write(": keep-alive\n\n");
                pump();
            });
            response.closeHandler(ignored -> closed());
            response.exceptionHandler(failure -> closed());
            response.drainHandler(ignored -> pump());
        }

        /** Sends what the log holds after the cursor; runs on the connection's context. */
        void pump() {
            if (closed) {
                return;
            }
            if (reading || response.writeQueueFull()) {
                again = true;
                return;
            }
            reading = true;
            again = false;
            long after = cursor;
            vertx.executeBlocking(() -> log.after(after, PAGE), false).onComplete(read -> {
                reading = false;
                if (closed) {
                    return;
                }
                if (read.failed()) {
                    LOG.debug("event stream read failed, tried again at the next heartbeat: {}", read.cause().getMessage());
                    return;
                }
                List<EventEntry> events = read.result();
                for (EventEntry event : events) {
                    response.write(format(event));
                    cursor = event.id();
                }
                if (events.size() == PAGE || again) {
                    pump();
                }
            });
        }

        void end() {
            context.runOnContext(ignored -> {
                if (!closed) {
                    closed();
                    response.end();
                }
            });
        }

        private void closed() {
            if (!closed) {
                closed = true;
                unsubscribe.run();
                vertx.cancelTimer(timer);
                open.remove(this);
            }
        }

        private String format(EventEntry event) {
            try {
                return "id: " + event.id() + "\ndata: " + json.writeValueAsString(event) + "\n\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", e);
            }
        }
    }
}
