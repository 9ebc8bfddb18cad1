package io.playbooks.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.SourcePage;
import org.apache.camel.Body;
import org.apache.camel.Header;

import java.util.concurrent.TimeUnit;

/**
 * The converter as {@code direct:import-page} calls it, timing each conversion that returns into the Prometheus
 * timer {@code playbooks_conversion_seconds}. A meter held here costs a clock read per page; the route's
 * {@code micrometer:timer} start and stop steps cost two endpoint calls with header lookups and expressions each.
 * Until {@link PlaybookMeters} binds the timer (or when metrics are off) conversions are not timed.
 */
public class TimedConverter {

    static final String TIMER = "playbooks.conversion";

    private final PageConverter converter;
    private volatile Timer timer;

    public TimedConverter(PageConverter converter) {
        this.converter = converter;
    }

    /** @param admitByHand true for a page imported by hand with force_update: converted even when detection refuses it */
    public Conversion convert(@Body SourcePage page, @Header("admitByHand") Boolean admitByHand) {
        Timer conversions = timer;
        if (conversions == null) {
            return convertOnce(page, admitByHand);
        }
        long start = System.nanoTime();
        Conversion conversion = convertOnce(page, admitByHand);
        conversions.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return conversion;
    }

    private Conversion convertOnce(SourcePage page, Boolean admitByHand) {
        return Boolean.TRUE.equals(admitByHand) ? converter.admitByHand(page) : converter.convert(page);
    }

    /** Registers the timer, tagged with the Camel context's name like Camel's own meters. */
    void bindTo(MeterRegistry registry, String camelContextName) {
        timer = Timer.builder(TIMER).description("time to convert one page (detection, extraction, validation, YAML)")
                .tag("camelContext", camelContextName).register(registry);
    }
}
