package io.playbooks.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.playbooks.confluence.ConfluenceAuthException;
import io.playbooks.confluence.ConfluenceException;
import io.playbooks.confluence.UnknownSpaceException;
import io.playbooks.storage.StoreException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Turns the exception a route failed with into an {@link ApiError} body and a fitting HTTP status. REST calls and
 * MCP tools both see this body, so a failure reads the same whichever way it was asked for.
 */
public class ApiErrorMapper implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorMapper.class);

    private final ObjectMapper json;

    public ApiErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiError error = toError(failure);
        if (error.status() >= 500) {
            LOG.warn("{} failed: {}", exchange.getFromRouteId(), error.error());
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, error.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        // written here, not by the REST binding, which does not marshal the body of a failed exchange
        exchange.getMessage().setBody(json.writeValueAsString(error));
    }

    /** The error a REST call answers for {@code failure}; MCP tools that call a route directly say the same. */
    public static ApiError toError(Throwable failure) {
        Throwable cause = rootApiCause(failure);
        if (cause instanceof ApiException api) {
            return new ApiError(api.getMessage(), api.status(), typeOf(api.status()));
        }
        if (cause instanceof UnknownSpaceException unknown) {
            return new ApiError(unknown.getMessage(), 404, "unknown_space");
        }
        if (cause instanceof ConfluenceAuthException auth) {
            return new ApiError(auth.getMessage(), 502, "confluence_auth");
        }
        if (cause instanceof ConfluenceException confluence) {
            return new ApiError(confluence.getMessage(), 502, "confluence_failed");
        }
        if (cause instanceof StoreException database) {
            return new ApiError("the playbook database failed: " + database.getMessage(), 503, "database_unavailable");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return new ApiError(misfit(mismatch), 400, "bad_request");
        }
        if (cause instanceof JsonProcessingException json) {
            return new ApiError("the request body is not valid JSON: " + json.getOriginalMessage(), 400, "bad_request");
        }
        String message = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new ApiError(message, 500, "internal_error");
    }

    /** Valid JSON of the wrong shape, said in the request's own terms: which field, and what it takes. */
    private static String misfit(MismatchedInputException mismatch) {
        String field = mismatch.getPath().stream()
                .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining("."));
        String expected = kindOf(mismatch.getTargetType());
        return field.isEmpty() ? "the request body must be " + expected
                : "the request body's '" + field + "' must be " + expected;
    }

    private static String kindOf(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a JSON object";
    }

    /**
     * The cause that best explains the failure: ours (a request refused, Confluence, the database) wherever it sits;
     * else bad JSON when only Camel's wrappers stand above it (the request body did not parse); else the outermost
     * exception that is not Camel's, which says what the service was doing. An IllegalArgumentException, or JSON
     * the service failed to read from its own store, is not taken for bad input: the request checks say so with
     * {@link ApiException}, so anything else is a fault of the service (500), not of the caller.
     */
    private static Throwable rootApiCause(Throwable failure) {
        Throwable deepest = failure;
        Throwable badJson = null;
        Throwable outermostOfTheService = null;
        for (Throwable current = failure; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof ApiException || current instanceof ConfluenceException || current instanceof StoreException) {
                return current;
            }
            if (outermostOfTheService == null) {
                if (current instanceof JsonProcessingException) {
                    badJson = badJson == null ? current : badJson;
                } else if (!current.getClass().getName().startsWith("org.apache.camel.")) {
                    outermostOfTheService = current;
                }
            }
            deepest = current;
        }
        if (badJson != null) {
            return badJson;
        }
        return outermostOfTheService != null ? outermostOfTheService : deepest;
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 503 -> "unavailable";
            case 502 -> "confluence_failed";
            default -> "error";
        };
    }
}
