package io.playbooks.confluence;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.core5.http.io.EofSensorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends GET requests through camel-http. One endpoint per site origin carries the time-outs and turns off
 * Apache HttpClient's own silent retries (so every 429/503 reaches {@link ConfluenceHttp}); the path and query of
 * each request travel in the {@code CamelHttpUri} / {@code CamelHttpRawQuery} headers, so paging through thousands
 * of cursors does not create thousands of endpoints. Answers are read straight from the connection into a
 * {@link ReplyBody} (no stream cache, which would copy a listing of megabytes through growing arrays twice more).
 */
final class CamelHttpTransport implements AutoCloseable {

    static final String NO_RETRIES_CONFIGURER = "confluenceHttpNoRetries";

    private final ProducerTemplate producer;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxConnections;

    CamelHttpTransport(CamelContext camel, Duration connectTimeout, Duration requestTimeout, int maxConnections) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxConnections = maxConnections;
        if (camel.getRegistry().lookupByName(NO_RETRIES_CONFIGURER) == null) {
            HttpClientConfigurer noRetries = builder -> builder.disableAutomaticRetries();
            camel.getRegistry().bind(NO_RETRIES_CONFIGURER, noRetries);
        }
        this.producer = camel.createProducerTemplate();
    }

    /**
     * Sends one GET.
     *
     * @throws IOException when no whole HTTP answer came: time-out, connection refused, unknown host, TLS failure, an
     *                     answer broken off midway
     */
    HttpReply get(URI uri, Map<String, String> requestHeaders) throws IOException {
        return get(uri, requestHeaders, Integer.MAX_VALUE);
    }

    /**
     * Sends one GET whose answer may have at most {@code bodyLimit} bytes.
     *
     * @throws ContentTooLargeException when the answer says or turns out to be larger: it is not read further
     * @throws IOException              when no whole HTTP answer came (see {@link #get(URI, Map)})
     */
    HttpReply get(URI uri, Map<String, String> requestHeaders, long bodyLimit) throws IOException {
        Endpoint endpoint = producer.getCamelContext().getEndpoint(endpointFor(uri));
        Exchange exchange = producer.send(endpoint, ExchangePattern.InOut, ex -> {
            requestHeaders.forEach(ex.getIn()::setHeader);
            ex.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
            ex.getIn().setHeader(Exchange.HTTP_URI, withoutQuery(uri));
            if (uri.getRawQuery() != null) {
                ex.getIn().setHeader(Exchange.HTTP_RAW_QUERY, uri.getRawQuery());
            }
        }, ex -> readBody(ex, uri, bodyLimit));
        Exception failure = exchange.getException();
        if (failure != null) {
            ContentTooLargeException tooLarge = exchange.getException(ContentTooLargeException.class);
            if (tooLarge != null) {
                throw tooLarge;
            }
            IOException io = findIoCause(failure);
            throw io != null ? io : new IOException(failure.getMessage(), failure);
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, String> headers = new HashMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && !requestHeaders.containsKey(name) && value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value.toString());
            }
        });
        ReplyBody body = exchange.getMessage().getBody(ReplyBody.class);
        return new HttpReply(status == null ? 0 : status, headers, body == null ? ReplyBody.EMPTY : body);
    }

    /**
     * Runs before the exchange completes, while the answer's stream is still open (camel-http closes it then). An
     * answer above the limit is refused without being kept, and its connection dropped rather than read to the end.
     */
    private static void readBody(Exchange exchange, URI uri, long limit) throws IOException {
        InputStream stream = exchange.getMessage().getBody(InputStream.class);
        if (stream == null) {
            return;
        }
        try (stream) {
            Long declared = exchange.getMessage().getHeader("Content-Length", Long.class);
            Optional<ReplyBody> body = declared != null && declared > limit ? Optional.empty()
                    : ReplyBody.readAtMost(stream, limit);
            if (body.isEmpty() && stream instanceof EofSensorInputStream connection) {
                // closing would read the rest of the answer to reuse the connection: drop the connection instead
                connection.abort();
            }
            exchange.getMessage().setBody(body.orElseThrow(() -> new ContentTooLargeException(
                    "GET " + uri + " answered more than " + limit + " bytes", limit)));
        }
    }

    private String endpointFor(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority()
                + "?throwExceptionOnFailure=false"
                + "&connectTimeout=" + connectTimeout.toMillis()
                + "&connectionRequestTimeout=" + requestTimeout.toMillis()
                + "&responseTimeout=" + requestTimeout.toMillis()
                + "&soTimeout=" + requestTimeout.toMillis()
                + "&maxTotalConnections=" + maxConnections
                + "&connectionsPerRoute=" + maxConnections
                + "&disableStreamCache=true"
                + "&httpClientConfigurer=#" + NO_RETRIES_CONFIGURER;
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static IOException findIoCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        try {
            producer.stop();
        } catch (RuntimeException e) {
            throw new IOException("cannot stop the HTTP producer: " + e.getMessage(), e);
        }
    }
}
