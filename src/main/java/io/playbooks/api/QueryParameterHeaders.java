package io.playbooks.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * platform-http copies query parameters into the message headers, beside the request's own headers: without this,
 * {@code ?Authorization=Bearer%20...} would pass the token check and put the token in URLs (and so in proxy logs),
 * and {@code ?Content-Type=text/html} would change how the answer is written. A query parameter named like a header
 * of the request gives way to what the request itself sent. A request without a body has no content type either,
 * so that a {@code Content-Type} sent with a GET does not keep the answer from being JSON. Parameters named like
 * Camel's own headers are refused earlier, by {@link ApiHeaderFilter}.
 */
public class QueryParameterHeaders implements Processor {

    /** The request headers the service reads, besides any the request sent. */
    private static final Set<String> REQUEST_HEADERS = Set.of("accept", "authorization", "content-type",
            "content-length", "origin", "host", "cookie", "mcp-session-id", "mcp-protocol-version", "last-event-id",
            "if-none-match", "if-modified-since");
    private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    @Override
    public void process(Exchange exchange) {
        if (!(exchange.getIn() instanceof HttpMessage http)) {
            return;
        }
        HttpServerRequest request = http.getRequest();
        Message message = exchange.getMessage();
        for (String name : request.params().names()) {
            if (REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || request.headers().contains(name)) {
                List<String> sent = request.headers().getAll(name);
                if (sent.isEmpty()) {
                    message.removeHeader(name);
                } else {
                    message.setHeader(name, sent.size() == 1 ? sent.get(0) : List.copyOf(sent));
                }
            }
        }
        if (WITHOUT_BODY.contains(request.method())) {
            message.removeHeader(Exchange.CONTENT_TYPE);
        }
    }
}
