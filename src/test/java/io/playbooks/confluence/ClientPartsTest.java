package io.playbooks.confluence;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parts of the client: Retry-After, back-off, URLs, Link headers, CQL dates. */
class ClientPartsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sat, 01 Jun 2024 12:00:45 GMT", clock)).contains(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse("Sat, 01 Jun 2024 11:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Test
    void backoffDoublesWithJitterAndStopsAtTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), new Random(1));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.after(1).toMillis()).isBetween(250L, 500L);
            assertThat(backoff.after(3).toMillis()).isBetween(1000L, 2000L);
            assertThat(backoff.after(40).toMillis()).isBetween(2500L, 5000L);
        }
    }

    @Test
    void urlsKeepTheContextPathAndResolveBothKindsOfNextLink() {
        SiteUrls cloud = new SiteUrls("https://acme.atlassian.net/wiki/");
        assertThat(cloud.isAtlassianCloudHost()).isTrue();
        assertThat(cloud.api("/rest/api/content/search", "cql", "space=\"OPS\" and type=page", "limit", 250,
                "expand", null)).isEqualTo(URI.create(
                "https://acme.atlassian.net/wiki/rest/api/content/search?cql=space%3D%22OPS%22%20and%20type%3Dpage&limit=250"));
        assertThat(cloud.resolve("/wiki/api/v2/spaces/1/pages?cursor=abc"))
                .isEqualTo(URI.create("https://acme.atlassian.net/wiki/api/v2/spaces/1/pages?cursor=abc"));
        assertThat(cloud.resolve("/rest/api/content/search?next=true&cursor=x"))
                .isEqualTo(URI.create("https://acme.atlassian.net/wiki/rest/api/content/search?next=true&cursor=x"));

        SiteUrls dc = new SiteUrls("https://wiki.acme.internal/confluence");
        assertThat(dc.isAtlassianCloudHost()).isFalse();
        assertThat(dc.absolute("/pages/viewpage.action?pageId=1"))
                .isEqualTo("https://wiki.acme.internal/confluence/pages/viewpage.action?pageId=1");
        assertThat(dc.absolute("https://elsewhere/x")).isEqualTo("https://elsewhere/x");
    }

    @Test
    void badBaseUrlsAreRejectedClearly() {
        assertThatThrownBy(() -> new SiteUrls("acme.atlassian.net/wiki"))
                .hasMessageContaining("must be an absolute http(s) URL");
        assertThatThrownBy(() -> new SiteUrls("")).hasMessageContaining("must be an absolute http(s) URL");
        assertThatThrownBy(() -> new SiteUrls("https://a.atlassian.net/wiki?x=1")).hasMessageContaining("query");
    }

    @Test
    void aBaseUrlWithAUserAndPasswordIsRefusedWithoutSayingThemBack() {
        assertThatThrownBy(() -> new SiteUrls("https://ann:s3cret@a.atlassian.net/wiki"))
                .hasMessageContaining("must not hold a user name or password")
                .hasMessageContaining("https://****@a.atlassian.net/wiki")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("ann");
        assertThatThrownBy(() -> new SiteUrls("https://ann:s3cret@a atlassian.net/wiki"))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void linkHeaderNextIsFoundAmongOtherRelations() {
        assertThat(PagedResults.linkHeaderNext(
                "</wiki/api/v2/spaces?cursor=abc>; rel=\"next\", <https://acme.atlassian.net/wiki>; rel=\"base\""))
                .isEqualTo("/wiki/api/v2/spaces?cursor=abc");
        assertThat(PagedResults.linkHeaderNext("<https://acme.atlassian.net/wiki>; rel=\"base\"")).isEmpty();
        assertThat(PagedResults.linkHeaderNext(null)).isEmpty();
    }

    @Test
    void cqlDatesAreWrittenInTheSiteZoneToTheMinute() {
        Instant at = Instant.parse("2024-05-15T09:59:59Z");
        assertThat(SiteTimeZone.cqlDate(at, ZoneId.of("UTC"))).isEqualTo("2024-05-15 09:59");
        assertThat(SiteTimeZone.cqlDate(at, ZoneId.of("Europe/Berlin"))).isEqualTo("2024-05-15 11:59");
        assertThat(SiteTimeZone.cqlDate(at, SiteTimeZone.EARLIEST)).isEqualTo("2024-05-14 21:59");
        assertThat(SiteTimeZone.parse("auto")).isEmpty();
        assertThatThrownBy(() -> SiteTimeZone.parse("Mars/Olympus")).hasMessageContaining("'Mars/Olympus'");
    }

    @Test
    void errorBodiesOfBothApisGiveTheirReason() {
        assertThat(ErrorBodies.reason("{\"statusCode\":404,\"message\":\"No space with key : X\"}".getBytes()))
                .isEqualTo("No space with key : X");
        assertThat(ErrorBodies.reason("{\"errors\":[{\"status\":400,\"title\":\"Invalid cursor\"}]}".getBytes()))
                .isEqualTo("Invalid cursor");
        assertThat(ErrorBodies.reason("<html><body>Bad gateway</body></html>".getBytes())).isEqualTo("Bad gateway");
    }
}
