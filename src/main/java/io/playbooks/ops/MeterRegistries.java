package io.playbooks.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

import java.util.Optional;

/** The Micrometer registry that camel-micrometer binds, where the project's own meters go; absent with metrics off. */
final class MeterRegistries {

    private MeterRegistries() {
    }

    static Optional<MeterRegistry> of(CamelContext camel) {
        return Optional.ofNullable(camel.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class));
    }
}
