package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Body of {@code POST /configure}. {@code api_token} may be left out to keep the stored token (the dashboard never
 * sees it); {@code deployment} is cloud, datacenter or auto.
 */
public record ConfigureRequest(String url, String username, @JsonProperty("api_token") String apiToken,
                               List<String> spaces, Boolean enabled, String deployment) {

    public ConfigureRequest {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("url is required, e.g. https://example.atlassian.net/wiki");
        }
        spaces = spaces == null ? List.of() : spaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    @Override
    public String toString() {
        return "ConfigureRequest[url=" + url + ", username=" + username + ", api_token=" + (apiToken == null ? "unchanged" : "***")
                + ", spaces=" + spaces + ", enabled=" + enabled + ", deployment=" + deployment + "]";
    }
}
