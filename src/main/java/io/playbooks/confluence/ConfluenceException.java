package io.playbooks.confluence;

/** Confluence could not be reached or answered with an error; the message names the URL and what went wrong. */
public class ConfluenceException extends RuntimeException {

    private final int status;

    public ConfluenceException(String message) {
        this(message, 0, null);
    }

    public ConfluenceException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the last answer, or 0 when there was none (unreachable, time-out). */
    public int status() {
        return status;
    }
}
