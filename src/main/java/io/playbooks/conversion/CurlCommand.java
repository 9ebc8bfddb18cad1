package io.playbooks.conversion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP call of a curl command line. The method comes from -X / --request, else POST when data is sent
 * (-d, --data*, --json, -F), PUT for an upload (-T, its file the body as {@code @file}), else GET: also for -I,
 * which curl sends as HEAD, since the rules name no other method; the call then says it wants the headers only.
 * With -G the data is the URL's query, not a body; the file of -o is kept, since a later step may read it.
 */
final class CurlCommand {

    /** Short options that take a value (the rest are flags, which may be clustered: -fsSL). */
    private static final String SHORT_WITH_VALUE = "AbcCdDeEFHKmorTuUwxXyYzQt";
    private static final Set<String> LONG_WITH_VALUE = Set.of("--request", "--header", "--data", "--data-raw",
            "--data-binary", "--data-urlencode", "--data-ascii", "--json", "--form", "--form-string", "--user",
            "--user-agent", "--referer", "--cookie", "--cookie-jar", "--max-time", "--connect-timeout", "--output",
            "--write-out", "--cacert", "--capath", "--cert", "--key", "--cert-type", "--key-type", "--proxy",
            "--proxy-user", "--retry", "--retry-delay", "--retry-max-time", "--upload-file", "--url", "--resolve",
            "--connect-to", "--config", "--interface", "--limit-rate", "--max-filesize", "--oauth2-bearer",
            "--aws-sigv4", "--range", "--dump-header", "--trace", "--trace-ascii", "--stderr", "--unix-socket",
            "--variable", "--expect100-timeout", "--keepalive-time", "--max-redirs", "--noproxy", "--pass",
            "--output-dir", "--create-file-mode", "--tls-max", "--ciphers", "--hostpubmd5", "--pinnedpubkey");
    private static final Set<String> DATA = Set.of("--data", "--data-raw", "--data-binary", "--data-urlencode",
            "--data-ascii", "--json", "--form", "--form-string");

    private CurlCommand() {
    }

    static Optional<HttpCall> parse(List<String> words) {
        String method = null;
        String url = null;
        String body = null;
        String user = null;
        String output = null;
        boolean upload = false;
        boolean headersOnly = false;
        boolean get = false;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String option;
            String value = null;
            if (word.startsWith("--")) {
                int equals = word.indexOf('=');
                option = equals > 0 ? word.substring(0, equals) : word;
                if (equals > 0) {
                    value = word.substring(equals + 1);
                } else if (LONG_WITH_VALUE.contains(option) && i + 1 < words.size()) {
                    value = words.get(++i);
                }
            } else if (word.startsWith("-") && word.length() > 1) {
                int valueAt = firstValueOption(word);
                if (valueAt < 0) {
                    headersOnly |= word.indexOf('I') > 0;
                    get |= word.indexOf('G') > 0;
                    continue;
                }
                option = "-" + word.charAt(valueAt);
                headersOnly |= word.substring(0, valueAt).indexOf('I') > 0;
                get |= word.substring(0, valueAt).indexOf('G') > 0;
                value = valueAt + 1 < word.length() ? word.substring(valueAt + 1) : (i + 1 < words.size() ? words.get(++i) : null);
            } else {
                if (url == null) {
                    url = word;
                } else if (word.contains("://")) {
                    return Optional.empty(); // two URLs are two calls: a command, not one HTTP call
                }
                continue;
            }
            switch (option) {
                case "-X", "--request" -> method = value;
                case "-H", "--header" -> {
                    if (value != null) {
                        HttpCall.addHeader(headers, value);
                    }
                }
                case "-o", "--output" -> output = "/dev/null".equals(value) || "-".equals(value) ? null : value;
                case "-d", "-F" -> body = join(body, value);
                case "-T", "--upload-file" -> {
                    upload = true;
                    body = value == null ? body : "@" + value; // the file is the body, in curl's own notation
                }
                case "--url" -> {
                    if (url != null) {
                        return Optional.empty();
                    }
                    url = value;
                }
                case "-u", "--user" -> user = value;
                case "--head" -> headersOnly = true;
                case "--get" -> get = true;
                default -> {
                    if (DATA.contains(option)) {
                        body = join(body, value);
                        if (option.equals("--json")) {
                            headers.putIfAbsent("Content-Type", "application/json");
                        }
                    }
                }
            }
        }
        if (url == null) {
            return Optional.empty();
        }
        String query = get ? body : null;
        String sent = get ? null : body;
        HttpCall call = HttpCall.read(url, headers, sent, user, query, output);
        return HttpCall.withMethod(method, get ? "GET" : upload ? "PUT" : sent != null ? "POST" : "GET",
                headersOnly ? call.withHeadersOnly() : call);
    }

    /** Index of the first short option in a cluster (-fsSLo) that takes a value, or -1. */
    private static int firstValueOption(String cluster) {
        for (int i = 1; i < cluster.length(); i++) {
            if (SHORT_WITH_VALUE.indexOf(cluster.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String join(String body, String value) {
        if (value == null) {
            return body;
        }
        return body == null ? value : body + "&" + value;
    }
}
