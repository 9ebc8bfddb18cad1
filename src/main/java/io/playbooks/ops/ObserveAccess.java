package io.playbooks.ops;

import io.playbooks.api.ApiTokenCheck;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * The token on {@code /observe/*} (health and metrics). With {@code PLAYBOOKS_API_TOKEN} set, metrics and the full
 * health report (check names, errors, Confluence and database details) need {@code Authorization: Bearer <token>};
 * the liveness and readiness probes stay open for orchestrators that cannot send a token, but without the token
 * they answer only {@code {"status": "UP"}} or {@code {"status": "DOWN"}} (200 or 503), never a detail.
 * {@code playbooks.observe.open-probes=false} puts the probes behind the token too. Without a token (loopback only)
 * everything stays open.
 */
public final class ObserveAccess implements ExtendedStartupListener, Handler<RoutingContext> {

    private static final String PREFIX = "/observe/";
    private static final String LIVE = "/observe/health/live";
    private static final String READY = "/observe/health/ready";
    private static final Set<String> PROBES = Set.of(LIVE, READY);

    private final ApiTokenCheck token;
    private final boolean openProbes;
    private CamelContext camel;

    public ObserveAccess(ApiTokenCheck token, boolean openProbes) {
        this.token = token;
        this.openProbes = openProbes;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server is up only once the whole context is
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        if (!token.enabled()) {
            return;
        }
        camel = context;
        // health and metrics may be served by the main server or by a management server of their own
        for (VertxPlatformHttpRouter router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            router.route(PREFIX + "*").order(Integer.MIN_VALUE + 1).blockingHandler(this, false);
        }
    }

    @Override
    public void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (token.accepts(context.request().getHeader("Authorization"))) {
            context.next();
        } else if (openProbes && PROBES.contains(path)) {
            answerStatusOnly(context, LIVE.equals(path) ? HealthCheckHelper::invokeLiveness : HealthCheckHelper::invokeReadiness);
        } else {
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"confluence-playbooks\"")
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", path + " needs a bearer token: send Authorization: Bearer"
                            + " <PLAYBOOKS_API_TOKEN>" + (openProbes ? " (" + LIVE + " and " + READY + " are open)" : ""))
                            .put("status", 401).put("type", "unauthorized").encode());
        }
    }

    private void answerStatusOnly(RoutingContext context, Function<CamelContext, Collection<HealthCheck.Result>> checks) {
        boolean up = checks.apply(camel).stream().allMatch(result -> result.getState() != HealthCheck.State.DOWN);
        context.response().setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("status", up ? "UP" : "DOWN").encode());
    }
}
