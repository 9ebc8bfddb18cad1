package io.playbooks.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of one tool call. The SDK has checked them against the tool's input schema already; this turns
 * them into what the routes take: headers for query-like calls, or the REST request body type (whose constructor
 * checks the values, so a bad argument reads the same as a bad REST body).
 */
public final class ToolArguments {

    private final Map<String, Object> values;
    private final ObjectMapper json;

    ToolArguments(Map<String, Object> values, ObjectMapper json) {
        this.values = values == null ? Map.of() : values;
        this.json = json;
    }

    /** The named arguments that were given, as route headers (the names of the REST query and path parameters). */
    public Map<String, Object> headers(String... names) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : names) {
            Object value = values.get(name);
            if (value != null) {
                headers.put(name, String.valueOf(value));
            }
        }
        return headers;
    }

    /**
     * The arguments as the REST body type, e.g. {@code ImportRequest}.
     *
     * @throws Invalid when a value does not fit the type, with the type's own message
     */
    public <T> T as(Class<T> type) {
        try {
            return json.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            throw new Invalid(rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Arguments the tool cannot take: the caller's mistake, told apart from a failure of the tool itself. */
    public static final class Invalid extends RuntimeException {

        Invalid(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
