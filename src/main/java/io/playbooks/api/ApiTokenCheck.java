package io.playbooks.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * With {@code PLAYBOOKS_API_TOKEN} set, every API and MCP-over-HTTP call must carry
 * {@code Authorization: Bearer <token>}; without it the API is open (it listens on loopback only, see
 * {@link ListenGuard}). The comparison takes the same time whatever the token, so it leaks nothing.
 */
public class ApiTokenCheck implements Processor {

    private final byte[] expected;

    public ApiTokenCheck(String token) {
        this.expected = token == null || token.isBlank() ? null : token.trim().getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return expected != null;
    }

    /**
     * Whether an {@code Authorization} header value (null when absent) carries the token; true when none is set. The
     * scheme is read in any case ({@code bearer}, {@code Bearer}), as HTTP has it.
     */
    public boolean accepts(String authorization) {
        if (expected == null) {
            return true;
        }
        String given = authorization == null ? "" : authorization.trim();
        int space = given.indexOf(' ');
        return space > 0 && given.substring(0, space).equalsIgnoreCase("Bearer")
                && MessageDigest.isEqual(expected, given.substring(space + 1).trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void process(Exchange exchange) {
        if (expected == null) {
            return;
        }
        String given = exchange.getMessage().getHeader("Authorization", String.class);
        // the credential has done its job; it must not travel on into routes, logs or responses
        exchange.getMessage().removeHeader("Authorization");
        if (!accepts(given)) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"confluence-playbooks\"");
            throw new ApiException(401, given == null
                    ? "this API needs a bearer token: send Authorization: Bearer <PLAYBOOKS_API_TOKEN>"
                    : "the bearer token is not the one this service was started with");
        }
    }
}
