package io.playbooks.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerRouteEventNotifier;
import org.apache.camel.support.EventHelper;

/**
 * camel-micrometer's route event notifier (the gauges {@code camel_routes_added} and {@code camel_routes_running})
 * reads route events only but does not tell Camel so: as long as one notifier takes exchange events, Camel creates an
 * event object at every exchange created, sent to an endpoint and completed, several per imported page, only for the
 * notifiers to drop them. Once Camel has started (and the notifier exists), this tells it to ignore exchange events
 * and lets Camel work out again whether any notifier still wants them. The gauges stay.
 */
public class RouteEventsOnly implements StartupListener {

    @Override
    public void onCamelContextStarted(CamelContext camel, boolean alreadyStarted) {
        camel.getManagementStrategy().getEventNotifiers().stream()
                .filter(MicrometerRouteEventNotifier.class::isInstance)
                .map(MicrometerRouteEventNotifier.class::cast)
                .forEach(notifier -> notifier.setIgnoreExchangeEvents(true));
        camel.getCamelContextExtension().setEventNotificationApplicable(EventHelper.eventsApplicable(camel));
    }
}
