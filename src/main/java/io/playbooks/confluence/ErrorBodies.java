package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Pulls the human-readable reason out of a Confluence error body (v1, v2 and proxy shapes). */
final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 300;

    private ErrorBodies() {
    }

    static String reason(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(body);
            for (JsonNode candidate : new JsonNode[] {n.path("message"), n.path("errors").path(0).path("title"),
                    n.path("errors").path(0).path("detail"), n.path("errors").path(0).path("message"),
                    n.path("data").path("errors").path(0).path("message"), n.path("reason")}) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    return shorten(candidate.asText());
                }
            }
        } catch (IOException notJson) {
            // a proxy's HTML page: show its text
        }
        return shorten(new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceAll("<[^>]*>", " "));
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= MAX ? t : t.substring(0, MAX) + "...";
    }
}
