package io.playbooks.confluence;

import java.util.Map;

/**
 * One HTTP answer as the client needs it.
 *
 * @param status  the status code
 * @param headers response headers, names in lower case
 * @param body    the body (empty when none)
 */
record HttpReply(int status, Map<String, String> headers, ReplyBody body) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
