package io.playbooks.confluence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A Confluence call made on another thread while the caller does something else. Its failure surfaces, with its own
 * type (a 401 stays a {@link ConfluenceAuthException}), when the caller asks for the result, as if the caller had made
 * the call then; when the executor refuses the call (its client was closed meanwhile), the caller makes it itself.
 */
final class CallAhead<T> {

    private final Supplier<T> call;
    /** The call on its way; null when the executor refused it. */
    private final CompletableFuture<T> result;

    private CallAhead(Supplier<T> call, CompletableFuture<T> result) {
        this.call = call;
        this.result = result;
    }

    static <T> CallAhead<T> start(Supplier<T> call, Executor executor) {
        try {
            return new CallAhead<>(call, CompletableFuture.supplyAsync(call, executor));
        } catch (RejectedExecutionException closed) {
            return new CallAhead<>(call, null);
        }
    }

    /** Waits for the call's result, or makes the call now if it was refused. */
    T get() {
        if (result == null) {
            return call.get();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ConfluenceException("interrupted while waiting for a Confluence call", 0, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new ConfluenceException("a Confluence call failed: " + e.getCause(), 0, e.getCause());
        }
    }
}
