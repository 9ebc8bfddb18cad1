package io.playbooks.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;

import java.io.InputStream;

/**
 * The first step of a route that reads a JSON request: a call that came without a body (or with JSON {@code null})
 * is refused with a 400 that says so, before a field of it is read. MCP tools and the schedule hand these routes
 * their request objects, which pass.
 */
public class RequestBodyCheck implements Processor {

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null || body instanceof InputStream || body instanceof StreamCache
                || body instanceof String || body instanceof byte[]) {
            throw new ApiException(400, "the request body is empty: this call takes a JSON object ({} for its "
                    + "defaults; see /api/docs)");
        }
    }
}
