package io.playbooks.api;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import java.util.Map;

/**
 * The errors the HTTP server answers before a route runs (no such path, a method or media type the path does not
 * take, a body too large) are JSON {@link ApiError}s under {@code /api/} and {@code /mcp}, as every other failure of
 * the API is, instead of an empty body or an HTML page.
 */
public final class HttpErrorReplies implements ExtendedStartupListener {

    private static final Map<Integer, String> MESSAGES = Map.of(
            404, "no such path: %s (the API is described at /api/docs)",
            405, "%s does not take this method (the API is described at /api/docs)",
            406, "%s answers in JSON: accept application/json",
            413, "the request body is too large for %s",
            415, "%s takes a JSON body: send Content-Type: application/json");
    private static final Map<Integer, String> TYPES = Map.of(404, "not_found", 405, "method_not_allowed",
            406, "not_acceptable", 413, "too_large", 415, "unsupported_media_type");

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server is up only once the whole context is
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        context.getRegistry().findByType(VertxPlatformHttpRouter.class).forEach(router -> mount(root(router)));
    }

    /** A request no route takes is failed by the server's root router, whose error handlers answer it. */
    private static Router root(VertxPlatformHttpRouter router) {
        HttpServer server = router.getServer() == null ? null : router.getServer().getServer();
        return server != null && server.requestHandler() instanceof Router root ? root : router;
    }

    void mount(Router router) {
        MESSAGES.keySet().forEach(status -> router.errorHandler(status, context -> reply(context, status)));
    }

    private static void reply(RoutingContext context, int status) {
        String path = context.normalizedPath();
        if (context.response().headWritten()) {
            if (!context.response().ended()) {
                context.response().end();
            }
            return;
        }
        boolean api = path.startsWith("/api/") || path.equals("/mcp");
        String message = String.format(MESSAGES.get(status), path);
        context.response().setStatusCode(status);
        if (api) {
            context.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", message).put("status", status).put("type", TYPES.get(status)).encode());
        } else {
            context.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(message);
        }
    }
}
