package io.playbooks.storage;

/** The playbook store could not do what was asked; the message names the page or setting and the cause. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
