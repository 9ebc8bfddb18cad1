package io.playbooks.broadcast;

import org.apache.camel.http.base.HttpOperationFailedException;

/** A failed delivery in words that can be stored and shown: the cause, never the endpoint's secret parts. */
final class DeliveryError {

    private static final int MAX_BODY = 200;

    private DeliveryError() {
    }

    static String describe(Throwable failure, BroadcastEndpoint endpoint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpOperationFailedException http) {
                String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip();
                return "HTTP " + http.getStatusCode() + (http.getStatusText() == null ? "" : " " + http.getStatusText())
                        + (body.isEmpty() ? "" : ": " + (body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "…" : body));
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return message.replace(endpoint.uri(), endpoint.display());
    }
}
