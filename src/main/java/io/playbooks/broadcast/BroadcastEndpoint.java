package io.playbooks.broadcast;

import io.playbooks.storage.EventOutbox;
import org.apache.camel.util.URISupport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One Camel endpoint URI that every event is delivered to. Its deliveries are kept under a key derived from the URI
 * (never the URI itself: a webhook URL or a Slack URI may hold a secret), and it is shown with its secrets masked.
 */
public record BroadcastEndpoint(String uri, String key, String display) {

    /**
     * The endpoints of {@code playbooks.broadcast.endpoints}: URIs separated by white space (a comma belongs to many
     * URIs, e.g. Kafka broker lists); a URI given twice counts once; blank means none (the event log only).
     */
    public static List<BroadcastEndpoint> parse(String setting) {
        Set<String> uris = new LinkedHashSet<>();
        for (String uri : setting == null ? new String[0] : setting.strip().split("\\s+")) {
            if (uri.isEmpty()) {
                continue;
            }
            if (!uri.matches("[A-Za-z][A-Za-z0-9+.-]*:.+")) {
                throw new IllegalArgumentException("playbooks.broadcast.endpoints: '" + URISupport.sanitizeUri(uri)
                        + "' is not a Camel endpoint URI (scheme:path?options, e.g. https://hooks.example.com/x or kafka:topic)");
            }
            uris.add(uri);
        }
        List<BroadcastEndpoint> endpoints = new ArrayList<>();
        uris.forEach(uri -> endpoints.add(new BroadcastEndpoint(uri, keyOf(uri), displayOf(uri))));
        return List.copyOf(endpoints);
    }

    public EventOutbox.Endpoint target() {
        return new EventOutbox.Endpoint(key, display);
    }

    /** The first 16 hex digits of the URI's SHA-256: stable across restarts, and it gives nothing of the URI away. */
    static String keyOf(String uri) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Options that look like secrets masked; of an HTTP URL only scheme, host and port (its path may be the secret). */
    static String displayOf(String uri) {
        String sanitized = URISupport.sanitizeUri(uri);
        if (sanitized.startsWith("http://") || sanitized.startsWith("https://")) {
            try {
                URI parsed = URI.create(uri);
                String origin = parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
                boolean more = parsed.getRawPath() != null && parsed.getRawPath().length() > 1 || parsed.getRawQuery() != null;
                return more ? origin + "/…" : origin;
            } catch (IllegalArgumentException notAUri) {
                return sanitized.replaceAll("(https?://[^/?#]*).*", "$1/…");
            }
        }
        return sanitized;
    }
}
