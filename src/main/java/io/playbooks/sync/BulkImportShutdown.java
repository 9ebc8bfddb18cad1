package io.playbooks.sync;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Tells the bulk import that the service is stopping as soon as Camel starts to stop (SIGTERM, Ctrl-C), before
 * the routes are shut down: the listing ends, the pages in hand are finished within Camel's shutdown timeout, and
 * the run is recorded as interrupted at its position.
 */
public class BulkImportShutdown extends EventNotifierSupport {

    private final BulkImportTracker tracker;

    public BulkImportShutdown(BulkImportTracker tracker) {
        this.tracker = tracker;
        // only the context's own events: a notifier that takes exchange events makes Camel create an event object at
        // every exchange created, sent to an endpoint and completed (several per imported page), for every notifier
        setIgnoreExchangeEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        tracker.stop();
    }
}
