package io.playbooks.api;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * platform-http copies request headers and query parameters into one map of message headers, where each could pass
 * for the other, or for the headers the routes pass their state in: without this, {@code ?Authorization=Bearer%20...}
 * would pass the token check (and put the token in URLs and proxy logs), {@code ?admitByHand=true} on a bulk import
 * would admit every page detection refused, and a {@code From} header would stand for the {@code from} of
 * {@code /analytics}. So: the request headers the service reads keep what the request sent as headers; a query
 * parameter that a request header of another name shares keeps what the URL gave; the headers the routes set for
 * themselves start empty. A request body
 * that is not JSON says nothing about the answer, which is JSON: its content type is dropped (the REST binding
 * writes JSON only when the request's content type, if any, says so). Camel's own headers are refused earlier, by
 * {@link ApiHeaderFilter}.
 */
public class QueryParameterHeaders implements Processor {

    /** The request headers the service reads. */
    static final Set<String> REQUEST_HEADERS = Set.of("accept", "authorization", "content-type", "content-length",
            "origin", "host", "cookie", "mcp-session-id", "mcp-protocol-version", "last-event-id", "if-none-match",
            "if-modified-since", "x-playbooks-client");
    /** The headers routes set to pass their state on (routes/*.camel.yaml), never the caller's to give. */
    static final Set<String> ROUTE_HEADERS = Set.of("admitByHand", "forceUpdate", "spaceKey", "listingPosition");

    @Override
    public void process(Exchange exchange) {
        if (!(exchange.getIn() instanceof HttpMessage http)) {
            return;
        }
        HttpServerRequest request = http.getRequest();
        Message message = exchange.getMessage();
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        query.forEach((name, values) -> {
            if (REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                set(message, name, request.headers().getAll(name));
            } else if (request.headers().contains(name)) {
                set(message, name, values);
            }
        });
        ROUTE_HEADERS.forEach(message::removeHeader);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            message.removeHeader(Exchange.CONTENT_TYPE);
        }
    }

    private static void set(Message message, String name, List<String> values) {
        if (values.isEmpty()) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, values.size() == 1 ? values.get(0) : List.copyOf(values));
        }
    }
}
