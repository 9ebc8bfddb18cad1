package io.playbooks.conversion;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP call a step makes, read from a curl or wget command or a {@code GET https://...} line.
 *
 * @param headers header name to value, in the order written
 * @param body    the data sent, or null
 * @param user    the credentials of {@code curl -u} as written ({@code admin:${OS_PASSWORD}}), or null
 * @param query   the data {@code curl -G} sends in the URL's query instead of a body, as written, or null
 * @param output  the file the response is saved to ({@code curl -o}, {@code wget -O}) for later steps, or null
 * @param headersOnly whether only the response's headers are wanted ({@code curl -I}, which curl sends as HEAD)
 */
record HttpCall(String method, String url, Map<String, String> headers, String body, String user, String query,
                String output, boolean headersOnly) {

    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    /** The end of a command line that opens a here document: {@code -} of {@code <<-}, the quote, the delimiter. */
    private static final Pattern HERE_DOCUMENT = Pattern.compile("<<(-?)\\s*(['\"]?)([A-Za-z_]+)\\2\\s*");

    /** cmd's "^" and PowerShell's backtick at a line's end continue a command on the next line, as "\\" does. */
    private static final Pattern WINDOWS_CONTINUATION = Pattern.compile("[ \\t]+[\\^`][ \\t]*\\r?\\n");

    /** The call a step's command text makes, when it is one plain HTTP call (no pipes, chains or redirects). */
    static Optional<HttpCall> of(String written) {
        String command = withoutLeadingComments(written);
        Optional<HttpCall> line = RequestLine.parse(command);
        if (line.isPresent()) {
            return line;
        }
        if (!(command.contains("curl") || command.contains("wget"))) {
            return Optional.empty();
        }
        if (command.contains("<<")) {
            Optional<HttpCall> withBody = withHereDocument(command);
            if (withBody.isPresent()) {
                return withBody;
            }
        }
        command = WINDOWS_CONTINUATION.matcher(command).replaceAll(" \\\\\n");
        if (ShellWords.commands(command).size() != 1) {
            return Optional.empty();
        }
        var words = ShellWords.simpleCommandWords(command);
        if (words == null || words.isEmpty()) {
            return Optional.empty();
        }
        // Windows runbooks name the binaries (curl.exe, since curl alone is PowerShell's alias of Invoke-WebRequest)
        return switch (words.get(0)) {
            case "curl", "curl.exe" -> CurlCommand.parse(words.subList(1, words.size()));
            case "wget", "wget.exe" -> WgetCommand.parse(words.subList(1, words.size()));
            default -> Optional.empty();
        };
    }

    /**
     * {@code curl -X POST ... -d @- <<'EOF'}, the body's lines, then {@code EOF}: one call whose body is the here
     * document. Anything after the closing line makes it a script.
     */
    private static Optional<HttpCall> withHereDocument(String command) {
        int lineEnd = ShellWords.commandEnd(command, 0);
        String firstLine = command.substring(0, lineEnd);
        int at = firstLine.lastIndexOf("<<");
        Matcher opening = HERE_DOCUMENT.matcher(at < 0 ? "" : firstLine.substring(at));
        if (!opening.matches() || lineEnd == command.length()) {
            return Optional.empty();
        }
        String[] lines = command.substring(lineEnd + 1).split("\n", -1);
        boolean stripTabs = !opening.group(1).isEmpty();
        StringBuilder body = new StringBuilder();
        int closing = -1;
        for (int i = 0; i < lines.length && closing < 0; i++) {
            String line = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
            if (line.equals(opening.group(3))) {
                closing = i;
            } else {
                body.append(line).append('\n');
            }
        }
        for (int i = closing + 1; closing >= 0 && i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return Optional.empty();
            }
        }
        var words = closing < 0 ? null : ShellWords.simpleCommandWords(firstLine.substring(0, at).strip());
        if (words == null || words.isEmpty() || !words.get(0).equals("curl") && !words.get(0).equals("curl.exe")) {
            return Optional.empty();
        }
        return CurlCommand.parse(words.subList(1, words.size())).filter(call -> "@-".equals(call.body()))
                .map(call -> new HttpCall(call.method, call.url, call.headers, body.toString().strip(), call.user,
                        call.query, call.output, call.headersOnly));
    }

    /** The command without the comment lines before it ("# the edge must answer first"), which say, not do. */
    static String withoutLeadingComments(String command) {
        int start = 0;
        while (start < command.length()) {
            int lineEnd = command.indexOf('\n', start);
            String line = (lineEnd < 0 ? command.substring(start) : command.substring(start, lineEnd)).strip();
            if (!line.isEmpty() && !line.startsWith("#") || lineEnd < 0) {
                break;
            }
            start = lineEnd + 1;
        }
        return start == 0 ? command : command.substring(start);
    }

    /**
     * The method as a step keeps it: a method name in capitals (GET, PURGE, PROPFIND...) or a parameter the user fills
     * in ({@code ${METHOD}}), as written; anything else (a shell variable, a quoted expression) is no HTTP call the
     * service can describe, and the command stays a shell step.
     */
    static Optional<String> method(String written) {
        if (METHOD_NAME.matcher(written).matches()) {
            return Optional.of(written.toUpperCase(Locale.ROOT));
        }
        return PARAMETER.matcher(written).matches() ? Optional.of(written) : Optional.empty();
    }

    /** A call as read, its method still to be chosen: see {@link #withMethod}. */
    static HttpCall read(String url, Map<String, String> headers, String body, String user, String query, String output) {
        return new HttpCall(null, url, headers, body, user, query, output, false);
    }

    /** The call, wanting only the response's headers. */
    HttpCall withHeadersOnly() {
        return new HttpCall(method, url, headers, body, user, query, output, true);
    }

    /** The call with the method written, else the default one; empty when the written method is none (see above). */
    static Optional<HttpCall> withMethod(String written, String byDefault, HttpCall call) {
        return method(written == null || written.isBlank() ? byDefault : written.trim())
                .map(method -> new HttpCall(method, call.url, call.headers, call.body, call.user, call.query, call.output,
                        call.headersOnly));
    }

    /** The step arguments of an http_request step: url, method, then headers, body, user, query and output when given. */
    Map<String, Object> args() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("url", url);
        args.put("method", method);
        if (!headers.isEmpty()) {
            args.put("headers", headers);
        }
        if (body != null) {
            args.put("body", body);
        }
        if (user != null) {
            args.put("user", user);
        }
        if (query != null) {
            args.put("query", query);
        }
        if (output != null) {
            args.put("output", output);
        }
        if (headersOnly) {
            args.put("headers_only", true);
        }
        return args;
    }

    /** Splits "Name: value" into a header map entry; a line without a colon keeps an empty value. */
    static void addHeader(Map<String, String> headers, String header) {
        int colon = header.indexOf(':');
        if (colon < 0) {
            headers.put(header.trim(), "");
        } else {
            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
    }
}
