package io.playbooks.confluence;

/**
 * An answer larger than the caller takes (an attachment above the size the service relays): refused as soon as its
 * size is known, from {@code Content-Length} or while it is read, and never retried.
 */
public class ContentTooLargeException extends ConfluenceException {

    private final long limit;

    public ContentTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The most bytes the caller took. */
    public long limit() {
        return limit;
    }
}
