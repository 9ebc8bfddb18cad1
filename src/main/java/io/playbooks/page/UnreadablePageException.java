package io.playbooks.page;

/** A page file that cannot be read (missing, not UTF-8, bad meta.json); the message is one line naming the file. */
public class UnreadablePageException extends Exception {

    public UnreadablePageException(String message) {
        super(message);
    }

    public UnreadablePageException(String message, Throwable cause) {
        super(message, cause);
    }
}
