package io.playbooks.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds the security headers to every response of the HTTP server: dashboard files, API answers, errors and the
 * server's own 404s alike. They are added when the response is written, after Camel's header filter, so no route can
 * forget them. The policy allows no inline script or style: the dashboard keeps its JavaScript and CSS in files.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            // charts and Swagger UI draw small icons from data: URIs; step pictures are attachments fetched with the
            // API token and shown from blob: URLs
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final Map<String, String> HEADERS = headers();

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        return Map.copyOf(headers);
    }

    @Override
    public void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap response = context.response().headers();
            HEADERS.forEach(response::set);
            // API answers carry data (and the dashboard asks for it with a token): no cache may keep them
            if (context.normalizedPath().startsWith("/api/v1/confluence") && !response.contains("Cache-Control")) {
                response.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }
}
