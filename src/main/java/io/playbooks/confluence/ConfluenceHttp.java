package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;

/**
 * The resilient side of every call: authentication, bounded concurrency, waiting out 429/503 ({@code Retry-After} in
 * seconds or as a date, else exponential back-off with jitter), retrying other 5xx and time-outs, slowing down on
 * {@code X-RateLimit-NearLimit}, failing fast and clearly on 401/403, and counting all of it.
 */
final class ConfluenceHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 3;

    private final CamelHttpTransport transport;
    private final ConfluenceSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff;
    private final Semaphore inFlight;
    private final Map<String, String> headers;

    private final LongAdder requests = new LongAdder();
    private final LongAdder throttleWaits = new LongAdder();
    private final LongAdder throttleWaitMillis = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder errors = new LongAdder();

    ConfluenceHttp(CamelHttpTransport transport, ConfluenceSettings settings, Sleeper sleeper, Clock clock,
                   RandomGenerator random) {
        this.transport = transport;
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
        this.backoff = new Backoff(settings.maxBackoff(), random);
        this.inFlight = new Semaphore(settings.maxConcurrency(), true);
        this.headers = requestHeaders(settings);
    }

    private static Map<String, String> requestHeaders(ConfluenceSettings s) {
        if (s.apiToken().isEmpty()) {
            return Map.of("Accept", "application/json");
        }
        String auth = s.usesBearerToken() ? "Bearer " + s.apiToken()
                : "Basic " + Base64.getEncoder().encodeToString(
                        (s.username() + ":" + s.apiToken()).getBytes(StandardCharsets.UTF_8));
        return Map.of("Accept", "application/json", "Authorization", auth);
    }

    /** GET that must succeed with JSON; a 404 is an error naming the URL. */
    JsonNode json(URI uri) {
        return parse(uri, required(uri));
    }

    /** GET that must succeed; a 404 is an error naming the URL. */
    HttpReply required(URI uri) {
        return get(uri).orElseThrow(() -> new ConfluenceException(
                "Confluence answered 404 Not Found for GET " + uri + ": check the base URL " + settings.url()
                        + " (Cloud: https://<site>.atlassian.net/wiki, Data Center: https://host[/context-path])",
                404, null));
    }

    /** GET whose 404 means "no such thing": empty. */
    Optional<HttpReply> get(URI uri) {
        return call(uri, headers, false, Integer.MAX_VALUE);
    }

    /**
     * Downloads the content behind a link of this site (an attachment), following redirects: Cloud sends downloads
     * on to its media service, which gets no credentials since it is another host.
     *
     * @param limit the most bytes taken; a larger content is a {@link ContentTooLargeException}, not retried
     */
    ReplyBody download(URI uri, long limit) {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            boolean sameSite = current.getRawAuthority().equalsIgnoreCase(uri.getRawAuthority());
            URI asked = current;
            HttpReply reply = call(current, sameSite ? headers : Map.of(), true, limit).orElseThrow(() ->
                    new ConfluenceException("Confluence answered 404 Not Found for GET " + asked
                            + ": the attachment is gone or the link is stale", 404, null));
            if (reply.status() < 300) {
                return reply.body();
            }
            String location = reply.header("Location");
            if (location == null || location.isBlank()) {
                throw new ConfluenceException("GET " + current + " answered " + reply.status()
                        + " without a Location to follow", reply.status(), null);
            }
            current = current.resolve(location);
        }
        throw new ConfluenceException("GET " + uri + " redirected more than " + MAX_REDIRECTS + " times", 0, null);
    }

    private Optional<HttpReply> call(URI uri, Map<String, String> requestHeaders, boolean redirectsWanted,
                                     long bodyLimit) {
        for (int attempt = 1; ; attempt++) {
            HttpReply reply;
            try {
                reply = send(uri, requestHeaders, bodyLimit);
            } catch (IOException e) {
                errors.increment();
                if (e instanceof UnknownHostException || e instanceof SSLException
                        || attempt >= settings.maxAttempts()) {
                    throw unreachable(uri, e, attempt);
                }
                retryAfter(backoff.after(attempt), false);
                continue;
            }
            int status = reply.status();
            if (status >= 200 && status < 300) {
                if ("true".equalsIgnoreCase(reply.header("X-RateLimit-NearLimit"))) {
                    pause(settings.nearLimitPause());
                }
                return Optional.of(reply);
            }
            if (status == 404) {
                return Optional.empty();
            }
            if (redirectsWanted && status >= 300 && status < 400) {
                return Optional.of(reply);
            }
            errors.increment();
            if (status == 401 || status == 403) {
                throw authFailure(uri, reply);
            }
            boolean throttled = status == 429 || status == 503;
            if (status >= 300 && status < 400) {
                throw new ConfluenceException("GET " + uri + " was redirected (" + status + ") to "
                        + reply.header("Location") + ": use the address Confluence redirects to as the base URL"
                        + " (https instead of http, or the right context path)", status, null);
            }
            if (!throttled && status < 500) {
                throw new ConfluenceException("Confluence answered " + status + " for GET " + uri + reasonOf(reply),
                        status, null);
            }
            if (attempt >= settings.maxAttempts()) {
                throw new ConfluenceException("Confluence answered " + status + " for GET " + uri + " "
                        + attempt + " times in a row" + (throttled ? " (rate limited)" : "") + reasonOf(reply),
                        status, null);
            }
            Duration wait = backoff.after(attempt);
            if (throttled) {
                wait = RetryAfter.parse(reply.header("Retry-After"), clock)
                        .map(d -> d.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : d)
                        .orElse(wait);
            }
            retryAfter(wait, throttled);
        }
    }

    /** Parses a successful answer as JSON; anything else (a login page, a proxy) is a clear error. */
    JsonNode parse(URI uri, HttpReply reply) {
        try {
            JsonNode node = JSON.readTree(reply.body().open());
            if (node == null || !node.isContainerNode()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ConfluenceException("GET " + uri + " answered " + reply.status()
                    + " with something that is not Confluence JSON (" + ErrorBodies.reason(reply.body().bytes())
                    + "): is " + settings.url() + " the base URL of a Confluence site?", reply.status(), e);
        }
    }

    ClientStats stats() {
        return new ClientStats(requests.sum(), throttleWaits.sum(), throttleWaitMillis.sum(), retries.sum(),
                errors.sum());
    }

    private HttpReply send(URI uri, Map<String, String> requestHeaders, long bodyLimit) throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfluenceException("interrupted while waiting to call " + uri);
        }
        try {
            requests.increment();
            return transport.get(uri, requestHeaders, bodyLimit);
        } finally {
            inFlight.release();
        }
    }

    private void retryAfter(Duration wait, boolean throttled) {
        retries.increment();
        if (throttled) {
            pause(wait);
        } else {
            sleep(wait);
        }
    }

    private void pause(Duration wait) {
        throttleWaits.increment();
        throttleWaitMillis.add(wait.toMillis());
        sleep(wait);
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfluenceException("interrupted while waiting to retry a Confluence call");
        }
    }

    private ConfluenceAuthException authFailure(URI uri, HttpReply reply) {
        String who = settings.usesBearerToken()
                ? "the personal access token (Data Center: CONFLUENCE_API_TOKEN with no CONFLUENCE_USERNAME)"
                : "the account e-mail and API token (Cloud: CONFLUENCE_USERNAME + CONFLUENCE_API_TOKEN)";
        String what = reply.status() == 401
                ? "Confluence rejected the credentials (401 Unauthorized) for GET " + uri + ": check " + who
                : "Confluence refused access (403 Forbidden) for GET " + uri
                        + ": the account lacks permission for this space or API (check " + who + ")";
        return new ConfluenceAuthException(what + reasonOf(reply), reply.status());
    }

    private ConfluenceException unreachable(URI uri, IOException e, int attempts) {
        String what = e instanceof SocketTimeoutException
                ? "no answer within " + settings.requestTimeout().toMillis() + " ms (request_timeout)"
                : e instanceof UnknownHostException ? "unknown host " + uri.getHost()
                : e instanceof SSLException ? "TLS failure (" + e.getMessage() + ")"
                : "no complete answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        return new ConfluenceException("Confluence unreachable at GET " + uri + ": " + what + " after " + attempts
                + " attempt(s); check the URL " + settings.url() + " and the network", 0, e);
    }

    private static String reasonOf(HttpReply reply) {
        String reason = ErrorBodies.reason(reply.body().bytes());
        return reason.isEmpty() ? "" : ": " + reason;
    }
}
