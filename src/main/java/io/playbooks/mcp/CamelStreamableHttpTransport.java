package io.playbooks.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The MCP Streamable HTTP transport (spec 2025-03-26 and later) on a Camel platform-http route (routes/mcp.camel.yaml),
 * so it shares the service's port and its bearer token check. POST carries one JSON-RPC message: {@code initialize}
 * opens a session (answered as JSON with its {@code Mcp-Session-Id}); a request is answered as a server-sent event
 * stream that carries any progress notifications and then the response; a notification or response gets 202.
 * DELETE ends a session. GET (a stream of server-initiated messages) is not offered: this server sends none outside
 * a request, and the spec lets a server answer 405. A request with an Origin other than this machine is refused (403),
 * against DNS rebinding, as the spec asks.
 */
public class CamelStreamableHttpTransport implements McpStreamableServerTransportProvider, Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CamelStreamableHttpTransport.class);
    /** Browsers send Origin; MCP clients that are programs do not. Only a page served from this machine may call. */
    private static final Pattern LOOPBACK_ORIGIN = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?");

    private final McpJsonMapper json;
    private final Map<String, McpStreamableServerSession> sessions = new ConcurrentHashMap<>();
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    public CamelStreamableHttpTransport(McpJsonMapper json) {
        this.json = json;
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String origin = message.getHeader("Origin", String.class);
        if (closing) {
            reply(message, 503, jsonRpcError(McpSchema.ErrorCodes.INTERNAL_ERROR, "the server is shutting down"));
        } else if (origin != null && !LOOPBACK_ORIGIN.matcher(origin).matches()) {
            // a browser page of another site (or a DNS-rebound name) must not drive the tools of a local service
            reply(message, 403, jsonRpcError(McpSchema.ErrorCodes.INVALID_REQUEST,
                    "MCP requests from web pages of " + origin + " are refused"));
        } else if ("POST".equals(method)) {
            post(message);
        } else if ("DELETE".equals(method)) {
            delete(message);
        } else {
            message.setHeader("Allow", "POST, DELETE");
            reply(message, 405, jsonRpcError(McpSchema.ErrorCodes.INVALID_REQUEST,
                    method + " is not offered on /mcp: send JSON-RPC messages with POST"));
        }
    }

    private void post(Message message) throws IOException {
        String body = message.getBody(String.class);
        Optional<InboundCheck.Refusal> refusal = InboundCheck.check(body == null ? "" : body);
        if (refusal.isPresent()) {
            reply(message, 400, refusal.get().toJson());
            return;
        }
        McpSchema.JSONRPCMessage rpc = McpSchema.deserializeJsonRpcMessage(json, body);
        if (rpc instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(message, request);
            return;
        }
        String sessionId = message.getHeader(HttpHeaders.MCP_SESSION_ID, String.class);
        McpStreamableServerSession session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            // 404 tells a client its session is gone and it should initialize again; 400 that it sent none
            reply(message, sessionId == null ? 400 : 404, jsonRpcError(McpSchema.ErrorCodes.INVALID_REQUEST,
                    sessionId == null ? "no Mcp-Session-Id header: send initialize first"
                            : "no session " + sessionId + ": it ended or the server restarted; initialize again"));
            return;
        }
        McpTransportContext context = McpTransportContext.EMPTY;
        if (rpc instanceof McpSchema.JSONRPCRequest request) {
            SseBody events = new SseBody();
            session.responseStream(request, new SseTransport(events))
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .doFinally(signal -> events.close())
                    .subscribe(null, failure -> answerFailure(request, failure, events));
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            message.setHeader(Exchange.CONTENT_TYPE, "text/event-stream");
            message.setHeader("Cache-Control", "no-cache");
            message.setBody(events);
            return;
        }
        Mono<Void> accepted = rpc instanceof McpSchema.JSONRPCResponse response ? session.accept(response)
                : session.accept((McpSchema.JSONRPCNotification) rpc);
        accepted.contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        message.setBody(null);
    }

    /** The SDK answers what it can; anything else that failed still gets an answer, or the client would wait on. */
    private void answerFailure(McpSchema.JSONRPCRequest request, Throwable failure, SseBody events) {
        LOG.warn("MCP request {} failed: {}", request.method(), failure.toString());
        McpSchema.JSONRPCResponse.JSONRPCError error = failure instanceof McpError known && known.getJsonRpcError() != null
                ? known.getJsonRpcError()
                : new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                        request.method() + " failed: " + failure.getMessage(), null);
        try {
            events.send(null, json.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION,
                    request.id(), null, error)));
        } catch (IOException e) {
            LOG.warn("cannot write the error answer of MCP request {}: {}", request.method(), e.getMessage());
        }
    }

    private void initialize(Message message, McpSchema.JSONRPCRequest request) throws IOException {
        McpSchema.InitializeRequest init = json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {
        });
        McpStreamableServerSession.McpStreamableServerSessionInit started = sessionFactory.startSession(init);
        sessions.put(started.session().getId(), started.session());
        McpSchema.InitializeResult result = started.initResult().block();
        message.setHeader(HttpHeaders.MCP_SESSION_ID, started.session().getId());
        reply(message, 200, json.writeValueAsString(
                new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null)));
    }

    private void delete(Message message) throws IOException {
        String sessionId = message.getHeader(HttpHeaders.MCP_SESSION_ID, String.class);
        McpStreamableServerSession session = sessionId == null ? null : sessions.remove(sessionId);
        if (session == null) {
            reply(message, 404, jsonRpcError(McpSchema.ErrorCodes.INVALID_REQUEST, "no session " + sessionId));
            return;
        }
        session.delete().block();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setBody(null);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> sessions.values().forEach(session -> {
            try {
                session.sendNotification(method, params).block();
            } catch (RuntimeException e) {
                LOG.debug("cannot notify session {}: {}", session.getId(), e.getMessage());
            }
        }));
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            sessions.values().forEach(McpStreamableServerSession::close);
            sessions.clear();
        });
    }

    private void reply(Message message, int status, String jsonBody) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(jsonBody);
    }

    /** A JSON-RPC error answer to a message that could not be taken, so without an id (the SDK's record refuses that). */
    private String jsonRpcError(int code, String text) throws IOException {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        answer.put("id", null);
        answer.put("error", Map.of("code", code, "message", text));
        return json.writeValueAsString(answer);
    }

    /** The messages of one request's answer, written as events of its streamed HTTP body. */
    private final class SseTransport implements McpStreamableServerTransport {
        private final SseBody events;

        SseTransport(SseBody events) {
            this.events = events;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.fromRunnable(() -> {
                try {
                    events.send(messageId, json.writeValueAsString(message));
                } catch (IOException e) {
                    LOG.warn("cannot write an MCP message: {}", e.getMessage());
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(events::close);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
