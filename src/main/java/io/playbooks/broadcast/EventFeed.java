package io.playbooks.broadcast;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tells the open event streams that the log has grown, so that they read it at once instead of on their next tick. */
public final class EventFeed {

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    /** Calls {@code listener} after each logged event until the returned handle is run. */
    public Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void logged() {
        listeners.forEach(Runnable::run);
    }
}
