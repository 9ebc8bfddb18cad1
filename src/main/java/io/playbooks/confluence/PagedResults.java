package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code results} of a listing, fetched one answer at a time as the caller iterates. The next answer comes from
 * {@code _links.next}, else from the {@code Link: <...>; rel="next"} header; without either the listing ends, whatever
 * {@code size} says (a last page may be full, and a server may cap {@code limit} below what was asked).
 */
final class PagedResults implements Iterator<JsonNode> {

    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final ConfluenceHttp http;
    private final SiteUrls urls;
    private final Deque<JsonNode> buffer = new ArrayDeque<>();
    private URI next;
    private URI answered;

    PagedResults(ConfluenceHttp http, SiteUrls urls, URI first) {
        this.http = http;
        this.urls = urls;
        this.next = first;
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
            fetch();
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

    private void fetch() {
        URI current = next;
        HttpReply reply = http.required(current);
        JsonNode body = http.parse(current, reply);
        JsonNode results = body.path("results");
        if (!results.isArray()) {
            throw new ConfluenceException("GET " + current + " answered without a 'results' list: not a Confluence"
                    + " listing (is the base URL right?)", reply.status(), null);
        }
        results.forEach(buffer::addLast);
        answered = current;
        String link = body.path("_links").path("next").asText("");
        if (link.isEmpty()) {
            link = linkHeaderNext(reply.header("Link"));
        }
        next = link.isEmpty() ? null : urls.resolve(link);
        if (current.equals(next)) {
            throw new ConfluenceException("GET " + current + " names itself as the next page: paging stopped to"
                    + " avoid a loop", reply.status(), null);
        }
    }

    static String linkHeaderNext(String header) {
        if (header == null) {
            return "";
        }
        Matcher m = LINK_NEXT.matcher(header);
        return m.find() ? m.group(1) : "";
    }
}
