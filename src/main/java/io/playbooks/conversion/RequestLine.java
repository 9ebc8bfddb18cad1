package io.playbooks.conversion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP request written as a request line, as API consoles show it: {@code GET https://host/path}, optionally
 * followed by header lines and, after them, a body. The target may be a path without the host, as in Kibana's Dev
 * Tools ({@code PUT _cluster/settings}) or an HTTP file ({@code GET /api/orders}): the url keeps it as written. A
 * second request line makes two calls, which no http_request holds.
 */
final class RequestLine {

    /** A method and its target: a URL, a path, or an API path or index without the host ({@code _cat/health}, {@code orders-v8}). */
    private static final Pattern LINE = Pattern.compile("\\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\s+"
            + "(https?://\\S+|[/_]\\S*|[\\w.*,%{}$<>-]+(?:/\\S*)?)(?:\\s+HTTP/[\\d.]+)?\\s*");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z][A-Za-z0-9-]*:\\s.*");

    private RequestLine() {
    }

    /** Whether the text's first line is a request line: one call, or the first of several (a shell step then). */
    static boolean startsWithOne(String text) {
        String request = text.strip();
        int lineEnd = request.indexOf('\n');
        return !request.isEmpty() && request.charAt(0) >= 'A' && request.charAt(0) <= 'Z'
                && LINE.matcher(lineEnd < 0 ? request : request.substring(0, lineEnd)).matches();
    }

    static Optional<HttpCall> parse(String text) {
        String request = text.strip();
        if (request.isEmpty() || request.charAt(0) < 'A' || request.charAt(0) > 'Z') {
            return Optional.empty();
        }
        String[] lines = LINE_BREAK.split(request);
        Matcher matcher = LINE.matcher(lines[0]);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 1;
        while (i < lines.length && HEADER.matcher(lines[i]).matches()) {
            HttpCall.addHeader(headers, lines[i++]);
        }
        StringBuilder body = new StringBuilder();
        for (; i < lines.length; i++) {
            if (LINE.matcher(lines[i]).matches()) {
                return Optional.empty();
            }
            body.append(lines[i]).append('\n');
        }
        String data = body.toString().strip();
        return Optional.of(new HttpCall(matcher.group(1), matcher.group(2), headers, data.isEmpty() ? null : data, null, null, null,
                false));
    }
}
