package io.playbooks.api;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

import java.util.Set;

/**
 * Lets only response headers the API means to send leave the service. platform-http copies request headers and
 * query parameters into the exchange, and without this they would echo back in every response. On the way in, no
 * request header or query parameter may pass for one of Camel's own ({@code ?CamelHttpResponseCode=204} set the
 * answer's status).
 */
public class ApiHeaderFilter extends DefaultHeaderFilterStrategy {

    private static final Set<String> ALLOWED_OUT = Set.of("content-type", "cache-control", "location", "retry-after",
            "www-authenticate", "content-disposition", "last-modified", "etag",
            // MCP over HTTP: the session a client continues, and the methods /mcp takes
            "mcp-session-id", "allow");

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName.regionMatches(true, 0, "camel", 0, "camel".length())
                || super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !ALLOWED_OUT.contains(headerName.toLowerCase(java.util.Locale.ROOT));
    }
}
