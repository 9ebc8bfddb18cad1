package io.playbooks.confluence;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluenceClientFaultTest extends ClientTestSupport {

    private FakeConfluence site;

    @BeforeEach
    void cloudSite() {
        site = site(FakeConfluence.cloud());
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", 3);
    }

    private ConfluenceClient client() {
        return client(site.settings().deployment(Deployment.CLOUD).build());
    }

    @Test
    void a429StormWithRetryAfterSecondsWaitsExactlyThatLong() {
        site.failNext("", 4, 429, Map.of("Retry-After", "7"));
        ConfluenceClient client = client();

        assertThat(client.pageRefs("OPS")).hasSize(3);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7),
                Duration.ofSeconds(7), Duration.ofSeconds(7));
        ClientStats stats = client.stats();
        assertThat(stats.throttleWaits()).isEqualTo(4);
        assertThat(stats.throttleWaitMillis()).isEqualTo(28_000);
        assertThat(stats.retries()).isEqualTo(4);
        assertThat(stats.errors()).isEqualTo(4);
        assertThat(stats.requests()).isEqualTo(site.requestCount()).isEqualTo(4 + 2);
    }

    @Test
    void retryAfterAsAnHttpDateWaitsUntilThatDate() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(CLOCK).plusSeconds(30));
        site.failNext("", 1, 429, Map.of("Retry-After", at));

        client().space("OPS");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void anAbsurdRetryAfterIsCutToTheCap() {
        site.failNext("", 1, 429, Map.of("Retry-After", "86400"));

        client(site.settings().deployment(Deployment.CLOUD).maxRetryAfter(Duration.ofSeconds(90)).build())
                .space("OPS");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void a429StormWithoutRetryAfterBacksOffExponentiallyWithJitterUpToTheCap() {
        site.failNext("", 5, 429, Map.of());
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD)
                .maxBackoff(Duration.ofSeconds(2)).build());

        client.space("OPS");

        assertThat(sleeper.waits).hasSize(5);
        long[][] ranges = {{250, 500}, {500, 1000}, {1000, 2000}, {1000, 2000}, {1000, 2000}};
        for (int i = 0; i < 5; i++) {
            assertThat(sleeper.waits.get(i).toMillis()).as("wait %d", i + 1).isBetween(ranges[i][0], ranges[i][1]);
        }
        assertThat(client.stats().throttleWaits()).isEqualTo(5);
    }

    @Test
    void a503IsWaitedOutLikeA429() {
        site.failNext("", 2, 503, Map.of("Retry-After", "3"));

        assertThat(client().pageRefs("OPS")).hasSize(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void otherServerErrorsAreRetriedWithBackoffThenSucceed() {
        site.failNext("/pages", 2, 500, Map.of());
        ConfluenceClient client = client();

        assertThat(client.pageRefs("OPS")).hasSize(3);

        assertThat(sleeper.waits).hasSize(2);
        assertThat(client.stats().retries()).isEqualTo(2);
        assertThat(client.stats().throttleWaits()).isZero();
    }

    @Test
    void serverErrorsThatDoNotStopEndInAnErrorNamingUrlAndStatus() {
        site.failNext("/pages", 10, 502, Map.of());
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD).maxAttempts(3).build());

        assertThatThrownBy(() -> client.pageRefs("OPS")).isInstanceOf(ConfluenceException.class)
                .hasMessageContaining("502").hasMessageContaining("3 times")
                .hasMessageContaining(site.baseUrl() + "/api/v2/spaces/")
                .extracting(e -> ((ConfluenceException) e).status()).isEqualTo(502);
        assertThat(site.requestCount("/pages")).isEqualTo(3);
    }

    @Test
    void anEndless429StormGivesUpAfterMaxAttempts() {
        site.failNext("", 100, 429, Map.of("Retry-After", "1"));
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD).maxAttempts(4).build());

        assertThatThrownBy(() -> client.space("OPS")).isInstanceOf(ConfluenceException.class)
                .hasMessageContaining("429").hasMessageContaining("rate limited");
        assertThat(site.requestCount()).isEqualTo(4);
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void wrongCredentialsGiveAClearAuthErrorWithoutRetries() {
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD).apiToken("wrong").build());

        assertThatThrownBy(client::testConnection).isInstanceOf(ConfluenceAuthException.class)
                .hasMessageContaining("401").hasMessageContaining("rejected the credentials")
                .hasMessageContaining("CONFLUENCE_API_TOKEN").hasMessageNotContaining("wrong");
        assertThat(site.requestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void forbiddenIsAnAuthErrorWithoutRetries() {
        site.failNext("", 1, 403, Map.of());

        assertThatThrownBy(() -> client().space("OPS")).isInstanceOf(ConfluenceAuthException.class)
                .hasMessageContaining("403").hasMessageContaining("lacks permission");
        assertThat(site.requestCount()).isEqualTo(1);
    }

    @Test
    void aDataCenterTokenThatIsRejectedNamesThePersonalAccessToken() {
        FakeConfluence dc = site(FakeConfluence.dataCenter("/confluence"));
        ConfluenceClient client = client(dc.settings().apiToken("expired").build());

        assertThatThrownBy(client::testConnection).isInstanceOf(ConfluenceAuthException.class)
                .hasMessageContaining("personal access token");
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        site.slowNext("keys=OPS", 1, Duration.ofSeconds(8));
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD)
                .requestTimeout(Duration.ofSeconds(2)).build());

        assertThat(client.space("OPS").key()).isEqualTo("OPS");
        assertThat(client.stats().retries()).isEqualTo(1);
        assertThat(client.stats().errors()).isEqualTo(1);
        assertThat(client.stats().requests()).isEqualTo(2);
    }

    @Test
    void anAnswerThatNeverComesInTimeEndsInATimeoutError() {
        site.slowNext("keys=OPS", 5, Duration.ofSeconds(4));
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD)
                .requestTimeout(Duration.ofMillis(500)).maxAttempts(2).build());

        assertThatThrownBy(() -> client.space("OPS")).isInstanceOf(ConfluenceException.class)
                .hasMessageContaining("no answer within").hasMessageContaining("after 2 attempt(s)");
    }

    @Test
    void anUnreachableSiteIsAClearError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ConfluenceClient client = client(ConfluenceSettings.builder().url("http://127.0.0.1:" + closedPort + "/wiki")
                .deployment(Deployment.DATA_CENTER).apiToken("t").maxAttempts(2).build());

        assertThatThrownBy(client::testConnection).isInstanceOf(ConfluenceException.class)
                .hasMessageContaining("unreachable").hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void aNonConfluenceServerIsReportedAsSuch() {
        site.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/portal/api/v2/spaces"))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("<html>login</html>")));
        ConfluenceClient client = client(site.settings().url(site.server().baseUrl() + "/portal").build());

        assertThatThrownBy(client::deployment).isInstanceOf(ConfluenceException.class)
                .hasMessageContaining("not Confluence JSON").hasMessageContaining("login")
                .hasMessageContaining("CONFLUENCE_DEPLOYMENT");
    }

    @Test
    void aRedirectNamesWhereTheSiteReallyIs() {
        site.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/old/rest/api/space"))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(301)
                        .withHeader("Location", "https://wiki.acme.com/confluence/rest/api/space")));
        ConfluenceClient client = client(site.settings().url(site.server().baseUrl() + "/old")
                .deployment(Deployment.DATA_CENTER).build());

        assertThatThrownBy(client::testConnection).isInstanceOf(ConfluenceException.class)
                .hasMessageContaining("redirected (301) to https://wiki.acme.com/confluence/rest/api/space");
        assertThat(site.requestCount()).isEqualTo(1);
    }

    @Test
    void nearLimitAnswersSlowTheClientDown() {
        site.nearLimit(true);
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD)
                .nearLimitPause(Duration.ofMillis(750)).build());

        client.pageRefs("OPS");

        assertThat(sleeper.waits).hasSize(2).containsOnly(Duration.ofMillis(750));
        assertThat(client.stats().throttleWaits()).isEqualTo(2);
    }

    @Test
    void concurrencyIsBoundedAcrossThreads() throws Exception {
        List<String> ids = site.addGeneratedPages("OPS", 8).stream().map(p -> p.id).toList();
        site.latency(Duration.ofMillis(300));
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD).maxConcurrency(2).build());
        site.resetRequests();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            ids.forEach(id -> done.add(pool.submit(() -> client.pageRef(id))));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(maxOverlap(servedWithTimings(ids.size()))).isLessThanOrEqualTo(2);
    }

    /**
     * The serve events once WireMock has recorded how long each took: it sets an event's timing after the response
     * went out, so a client can hold every answer before the last timing is there (seen once in CI as a null).
     */
    private List<ServeEvent> servedWithTimings(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<ServeEvent> events = site.server().getAllServeEvents();
            boolean timed = events.size() >= expected
                    && events.stream().allMatch(e -> e.getTiming() != null && e.getTiming().getTotalTime() != null);
            if (timed || System.nanoTime() > deadline) {
                assertThat(timed).as("WireMock recorded the timing of all %d requests within 10 s", expected).isTrue();
                return events;
            }
            Thread.sleep(20);
        }
    }

    /** Most requests the server was busy with at once (intervals shrunk by 50 ms against clock granularity). */
    private static int maxOverlap(List<ServeEvent> events) {
        List<long[]> spans = events.stream().map(e -> {
            long start = e.getRequest().getLoggedDate().getTime();
            return new long[] {start + 25, start + e.getTiming().getTotalTime() - 25};
        }).toList();
        int max = 0;
        for (long[] s : spans) {
            int overlapping = (int) spans.stream().filter(o -> o[0] <= s[0] && s[0] < o[1]).count();
            max = Math.max(max, overlapping);
        }
        return max;
    }
}
