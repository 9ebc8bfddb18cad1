package io.playbooks.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import io.playbooks.confluence.ClientStats;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.sync.ImportOutcome;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The service's own Prometheus meters beside Camel's route timings: pages handled by outcome, conversion time
 * ({@link TimedConverter}), and what the Confluence client has done (requests, throttle waits and their time, retries, errors). The Confluence counters
 * belong to the current client: a new connection through POST /configure starts them again at zero, which
 * Prometheus reads as a counter reset. Bound once Camel has started, to the registry that camel-micrometer-prometheus
 * created and serves (none when {@code camel.metrics.enabled} is false).
 */
public class PlaybookMeters implements MeterBinder, StartupListener {

    private final ImportCounts imports;
    private final ConfluenceConnection confluence;
    private final TimedConverter conversions;

    public PlaybookMeters(ImportCounts imports, ConfluenceConnection confluence, TimedConverter conversions) {
        this.imports = imports;
        this.confluence = confluence;
        this.conversions = conversions;
    }

    @Override
    public void onCamelContextStarted(CamelContext camel, boolean alreadyStarted) {
        MeterRegistries.of(camel).ifPresent(registry -> {
            bindTo(registry);
            conversions.bindTo(registry, camel.getName());
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ImportOutcome outcome : ImportOutcome.values()) {
            FunctionCounter.builder("playbooks.pages", imports, counts -> counts.count(outcome))
                    .description("pages handled by the import (sync, bulk import, import by id, offline folder), by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        confluenceCounter("playbooks.confluence.requests", "HTTP requests sent to Confluence, every attempt",
                ClientStats::requests).register(registry);
        confluenceCounter("playbooks.confluence.throttle.waits",
                "waits caused by Confluence throttling (429/503 answers, near-limit pauses)", ClientStats::throttleWaits)
                .register(registry);
        confluenceCounter("playbooks.confluence.throttle.wait", "time spent waiting for Confluence throttling",
                stats -> stats.throttleWaitMillis() / 1000.0).baseUnit("seconds").register(registry);
        confluenceCounter("playbooks.confluence.retries", "Confluence requests sent again", ClientStats::retries)
                .register(registry);
        confluenceCounter("playbooks.confluence.errors",
                "Confluence requests that failed (status 400 or more, time-outs, connection failures)", ClientStats::errors)
                .register(registry);
    }

    private FunctionCounter.Builder<ConfluenceConnection> confluenceCounter(String name, String description,
                                                                            ToDoubleFunction<ClientStats> value) {
        return FunctionCounter.builder(name, confluence, connection -> value.applyAsDouble(connection.stats()))
                .description(description);
    }
}
