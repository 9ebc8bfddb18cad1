package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.api.ApiError;
import io.playbooks.api.ApiErrorMapper;
import io.playbooks.learning.UsageChannel;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.io.IOException;
import java.util.Map;

/**
 * Calls a {@code direct:} route the way a REST verb does, for the MCP tools: the same body and headers in (plus the
 * channel header that says the call came by MCP), the route's result object out. A failed route answers with the JSON {@link io.playbooks.api.ApiError} and a status
 * of 400 or more (routes/errors.camel.yaml); that becomes a {@link RouteFailure} carrying the error in words.
 */
public class RouteCall {

    private final CamelContext camel;
    private final ObjectMapper json;
    private volatile ProducerTemplate producer;

    public RouteCall(CamelContext camel, ObjectMapper json) {
        this.camel = camel;
        this.json = json;
    }

    /** Sends {@code body} and {@code headers} to {@code endpoint} and returns the route's answer. */
    public Object call(String endpoint, Object body, Map<String, Object> headers) {
        Exchange exchange = producer().send(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            // the routes that record uses tell MCP from REST by this header
            e.getMessage().setHeader(UsageChannel.HEADER, UsageChannel.MCP.code());
        });
        if (exchange.getException() != null) {
            // a failure the route rethrew (a doCatch does) reaches the caller unmapped: map it as REST does
            ApiError error = ApiErrorMapper.toError(exchange.getException());
            throw new RouteFailure(error.status(), error.type(), error.error());
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Object result = exchange.getMessage().getBody();
        if (status != null && status >= 400) {
            throw failureOf(status, result);
        }
        return result;
    }

    private RouteFailure failureOf(int status, Object body) {
        String text = body == null ? "" : camel.getTypeConverter().convertTo(String.class, body);
        try {
            JsonNode error = json.readTree(text);
            if (error != null && error.hasNonNull("error")) {
                return new RouteFailure(status, error.path("type").asText("error"), error.get("error").asText());
            }
        } catch (IOException notJson) {
            // fall through: the body is the message itself
        }
        return new RouteFailure(status, "error", text.isBlank() ? "the call failed with status " + status : text);
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.createProducerTemplate();
                }
            }
        }
        return producer;
    }

    /** A route that answered with an error: the status and type of the {@code ApiError}, and its message. */
    public static final class RouteFailure extends RuntimeException {
        private final int status;
        private final String type;

        public RouteFailure(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }
    }
}
