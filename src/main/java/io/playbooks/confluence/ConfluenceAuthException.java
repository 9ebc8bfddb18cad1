package io.playbooks.confluence;

/** Confluence answered 401 or 403: the credentials are wrong or lack a permission. Never retried. */
public class ConfluenceAuthException extends ConfluenceException {

    public ConfluenceAuthException(String message, int status) {
        super(message, status, null);
    }
}
