package io.playbooks.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of the REST API (and of the MCP tool results): times as ISO-8601 text, unknown input keys ignored. The
 * REST binding of every verb shares one such mapper (bean {@code apiJson}) instead of configuring one of its own per
 * verb and direction at startup.
 */
public final class ApiJson {

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
