package io.playbooks.confluence;

import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;

/**
 * Measures what listing a 10,000-page space costs against the fake site with 20 ms latency per call: requests,
 * time and bytes of body. Prints figures to stderr; asserts nothing about time. Run with
 * {@code mvn -o test -Dtest=ConfluenceClientBenchmark} (surefire skips *Benchmark* otherwise).
 */
class ConfluenceClientBenchmark extends ClientTestSupport {

    private static final int PAGES = 10_000;

    @Test
    void cloud() throws Exception {
        measure(FakeConfluence.cloud(), Deployment.CLOUD);
    }

    @Test
    void dataCenter() throws Exception {
        measure(FakeConfluence.dataCenter("/confluence"), Deployment.DATA_CENTER);
    }

    private void measure(FakeConfluence fake, Deployment deployment) {
        FakeConfluence site = site(fake);
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", PAGES);
        site.latency(Duration.ofMillis(20));
        ConfluenceClient client = client(site.settings().deployment(deployment).build());

        long start = System.nanoTime();
        long bytes = 0;
        int count = 0;
        for (Iterator<SourcePage> it = client.pages("OPS"); it.hasNext(); count++) {
            bytes += it.next().storageBody().length();
        }
        long listMillis = (System.nanoTime() - start) / 1_000_000;
        ClientStats listing = client.stats();

        long syncStart = System.nanoTime();
        client.changedSince("OPS", FakeConfluence.START.plus(Duration.ofDays(2)));
        long syncMillis = (System.nanoTime() - syncStart) / 1_000_000;
        long syncCalls = client.stats().requests() - listing.requests();

        long refsStart = System.nanoTime();
        int refs = client.pageRefs("OPS").size();
        long refsMillis = (System.nanoTime() - refsStart) / 1_000_000;

        System.err.printf("BENCHMARK %s: %d pages (%d KB of bodies) listed in %d ms with %d requests (%s);"
                        + " unchanged-space delta: %d request(s) in %d ms; id-only reconcile of %d pages: %d ms%n",
                deployment, count, bytes / 1024, listMillis, listing.requests(), site.requestedUrls().stream()
                        .map(u -> u.replaceAll("\\?.*", "")).distinct().toList(),
                syncCalls, syncMillis, refs, refsMillis);
    }
}
