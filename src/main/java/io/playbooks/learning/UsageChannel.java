package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Which way a use came in (playbook_usage.channel). REST and MCP enter the same {@code direct:} routes; the entry
 * sets the exchange header {@link #HEADER} to tell them apart (routes/errors.camel.yaml for REST, which says
 * {@code dashboard} when the dashboard sends {@link #CLIENT_HEADER}; {@code io.playbooks.mcp.RouteCall} for MCP).
 */
public enum UsageChannel {
    API, MCP, DASHBOARD;

    /** The exchange header that carries the channel into the routes. */
    public static final String HEADER = "PlaybooksChannel";
    /** The HTTP request header by which the dashboard names itself. */
    public static final String CLIENT_HEADER = "X-Playbooks-Client";

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel a route was entered by; a route called without one (a test, a timer) counts as the API. */
    public static UsageChannel of(String code) {
        if (code == null || code.isBlank()) {
            return API;
        }
        for (UsageChannel channel : values()) {
            if (channel.code().equalsIgnoreCase(code.trim())) {
                return channel;
            }
        }
        return API;
    }
}
