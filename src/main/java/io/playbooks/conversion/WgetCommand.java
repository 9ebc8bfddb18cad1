package io.playbooks.conversion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP call of a wget command line: --method, --header, --post-data / --body-data (a file's body as
 * {@code @file}), else GET; the credentials of --user / --password as curl -u writes them, the file of -O.
 */
final class WgetCommand {

    private static final String SHORT_WITH_VALUE = "OoaeTtwPUBiYQlADRIX";

    private WgetCommand() {
    }

    static Optional<HttpCall> parse(List<String> words) {
        String method = null;
        String url = null;
        String body = null;
        String user = null;
        String password = null;
        String output = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--")) {
                int equals = word.indexOf('=');
                String option = equals > 0 ? word.substring(0, equals) : word;
                String value = equals > 0 ? word.substring(equals + 1) : null;
                if (value == null && takesValue(option) && i + 1 < words.size()) {
                    value = words.get(++i);
                }
                switch (option) {
                    case "--method" -> method = value;
                    case "--header" -> {
                        if (value != null) {
                            HttpCall.addHeader(headers, value);
                        }
                    }
                    case "--post-data", "--body-data" -> body = value;
                    // a body read from a file, written as curl writes one (-d @file)
                    case "--post-file", "--body-file" -> body = value == null ? null : "@" + value;
                    case "--user", "--http-user" -> user = value;
                    case "--password", "--http-password" -> password = value;
                    case "--output-document" -> output = value;
                    default -> {
                    }
                }
            } else if (word.startsWith("-") && word.length() > 1) {
                for (int c = 1; c < word.length(); c++) {
                    if (SHORT_WITH_VALUE.indexOf(word.charAt(c)) >= 0) {
                        String value = c + 1 < word.length() ? word.substring(c + 1) : i + 1 < words.size() ? words.get(++i) : null;
                        if (word.charAt(c) == 'O') {
                            output = value;
                        }
                        break;
                    }
                }
            } else if (url == null) {
                url = word;
            } else if (word.contains("://")) {
                return Optional.empty(); // two URLs are two calls: a command, not one HTTP call
            }
        }
        if (url == null) {
            return Optional.empty();
        }
        String credentials = user == null ? null : password == null ? user : user + ":" + password;
        boolean saved = output != null && !output.equals("-") && !output.equals("/dev/null");
        return HttpCall.withMethod(method, body != null ? "POST" : "GET",
                HttpCall.read(url, headers, body, credentials, null, saved ? output : null));
    }

    private static boolean takesValue(String option) {
        return switch (option) {
            case "--method", "--header", "--post-data", "--post-file", "--body-data", "--body-file", "--output-document",
                    "--output-file", "--user", "--password", "--http-user", "--http-password", "--timeout", "--tries",
                    "--user-agent", "--directory-prefix", "--ca-certificate", "--certificate", "--private-key",
                    "--load-cookies", "--save-cookies", "--wait", "--append-output" -> true;
            default -> false;
        };
    }
}
