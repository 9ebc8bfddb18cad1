package io.playbooks.confluence;

import io.playbooks.page.SourcePage;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A plain DefaultCamelContext, a recording sleeper and the clients a test builds, all closed after each test. */
abstract class ClientTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    final DefaultCamelContext camel = new DefaultCamelContext();
    final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startCamel() {
        camel.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        camel.stop();
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    FakeConfluence site(FakeConfluence site) {
        return closeLater(site.start());
    }

    ConfluenceClient client(ConfluenceSettings settings) {
        return closeLater(new ConfluenceClient(camel, settings, sleeper, CLOCK));
    }

    static List<SourcePage> drain(Iterator<SourcePage> pages) {
        List<SourcePage> out = new ArrayList<>();
        pages.forEachRemaining(out::add);
        return out;
    }

    static int calls(int items, int perCall) {
        return Math.max(1, (items + perCall - 1) / perCall);
    }
}
