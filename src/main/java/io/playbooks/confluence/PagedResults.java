package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code results} of a listing, fetched one answer at a time as the caller iterates. The next answer comes from
 * {@code _links.next}, else from the {@code Link: <...>; rel="next"} header; without either the listing ends, whatever
 * {@code size} says (a last page may be full, and a server may cap {@code limit} below what was asked).
 * {@link #readingAhead} fetches each answer while the caller works through the one before it.
 */
final class PagedResults implements Iterator<JsonNode> {

    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final ConfluenceHttp http;
    private final SiteUrls urls;
    /** Where answers are fetched ahead of the caller; null: each when the one before is used up, by the caller. */
    private final Executor readAhead;
    private final Deque<JsonNode> buffer = new ArrayDeque<>();
    private URI next;
    private URI answered;
    /** The answer of {@link #next}, on its way; null when not read ahead. */
    private CallAhead<Answer> ahead;

    PagedResults(ConfluenceHttp http, SiteUrls urls, URI first) {
        this(http, urls, first, null);
    }

    private PagedResults(ConfluenceHttp http, SiteUrls urls, URI first, Executor readAhead) {
        this.http = http;
        this.urls = urls;
        this.next = first;
        this.readAhead = readAhead;
    }

    /**
     * A listing that asks for its first answer now and for each next one as soon as the answer before has come, on
     * {@code executor}: the caller's work on one answer (a bulk import converting and storing 250 pages) hides the
     * wait for the next. One answer more is held in memory; a failure of the call surfaces when the caller reaches
     * that answer, as it would without reading ahead.
     */
    static PagedResults readingAhead(ConfluenceHttp http, SiteUrls urls, URI first, Executor executor) {
        PagedResults results = new PagedResults(http, urls, first, executor);
        results.fetchNextAhead();
        return results;
    }

    /** The call whose answer held the result returned last; null before the first answer. */
    URI position() {
        return answered;
    }

    static List<JsonNode> all(ConfluenceHttp http, SiteUrls urls, URI first) {
        List<JsonNode> out = new ArrayList<>();
        new PagedResults(http, urls, first).forEachRemaining(out::add);
        return out;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && next != null) {
            CallAhead<Answer> fetching = ahead;
            // cleared first: after a failure, asking again makes the call again instead of rethrowing the old failure
            ahead = null;
            Answer answer = fetching != null ? fetching.get() : fetch(next);
            answer.results().forEach(buffer::addLast);
            answered = answer.uri();
            next = answer.next();
            fetchNextAhead();
        }
        return !buffer.isEmpty();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.removeFirst();
    }

    private void fetchNextAhead() {
        if (readAhead != null && next != null) {
            URI uri = next;
            ahead = CallAhead.start(() -> fetch(uri), readAhead);
        }
    }

    private Answer fetch(URI current) {
        HttpReply reply = http.required(current);
        JsonNode body = http.parse(current, reply);
        JsonNode results = body.path("results");
        if (!results.isArray()) {
            throw new ConfluenceException("GET " + current + " answered without a 'results' list: not a Confluence"
                    + " listing (is the base URL right?)", reply.status(), null);
        }
        String link = body.path("_links").path("next").asText("");
        if (link.isEmpty()) {
            link = linkHeaderNext(reply.header("Link"));
        }
        URI following = link.isEmpty() ? null : urls.resolve(link);
        if (current.equals(following)) {
            throw new ConfluenceException("GET " + current + " names itself as the next page: paging stopped to"
                    + " avoid a loop", reply.status(), null);
        }
        return new Answer(current, results, following);
    }

    /** One listing call's results, and the call that follows it (null at the end). */
    private record Answer(URI uri, JsonNode results, URI next) {
    }

    static String linkHeaderNext(String header) {
        if (header == null) {
            return "";
        }
        Matcher m = LINK_NEXT.matcher(header);
        return m.find() ? m.group(1) : "";
    }
}
