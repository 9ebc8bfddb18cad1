package io.playbooks.conversion;

/** A storage-format body that is not well-formed XML; the message is a one-line reason. */
public class IllFormedPageException extends RuntimeException {

    public IllFormedPageException(String reason) {
        super("ill-formed storage format: " + reason);
    }
}
