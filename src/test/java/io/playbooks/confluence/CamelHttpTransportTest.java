package io.playbooks.confluence;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CamelHttpTransportTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private CamelHttpTransport transport;

    @BeforeEach
    void start() {
        server.start();
        camel.start();
        transport = new CamelHttpTransport(camel, Duration.ofSeconds(5), Duration.ofSeconds(10), 4);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        camel.stop();
        server.stop();
    }

    @Test
    void sendsPathQueryAndHeadersAndReturnsStatusHeadersBody() throws IOException {
        server.stubFor(get(urlPathEqualTo("/wiki/rest/api/content/search"))
                .willReturn(okJson("{\"a\":1}").withHeader("Link", "<next>; rel=\"next\"")));
        URI uri = URI.create(server.baseUrl() + "/wiki/rest/api/content/search?cql=space%3D%22OPS%22%20and%20type%3Dpage&cursor=a%2Bb");

        HttpReply reply = transport.get(uri, Map.of("Authorization", "Bearer t", "Accept", "application/json"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.body().bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(reply.header("Link")).isEqualTo("<next>; rel=\"next\"");
        assertThat(reply.headers()).doesNotContainKey("authorization");
        server.verify(getRequestedFor(urlPathEqualTo("/wiki/rest/api/content/search"))
                .withQueryParam("cql", equalTo("space=\"OPS\" and type=page"))
                .withQueryParam("cursor", equalTo("a+b"))
                .withHeader("Authorization", equalTo("Bearer t")));
    }

    @Test
    void readsALargeCompressedAnswerWholeAndReleasesEachConnection() throws IOException {
        byte[] listing = new byte[5 * ReplyBody.BLOCK + 123];
        new Random(7).ints(listing.length, 'a', 'z' + 1).forEach(new java.util.function.IntConsumer() {
            private int at;

            @Override
            public void accept(int c) {
                listing[at++] = (byte) c;
            }
        });
        server.stubFor(get(anyUrl()).willReturn(ok().withBody(gzip(listing))
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")));

        for (int call = 0; call < 10; call++) {
            HttpReply reply = transport.get(URI.create(server.baseUrl() + "/listing?call=" + call), Map.of());
            assertThat(reply.body().length()).isEqualTo(listing.length);
            assertThat(reply.body().bytes()).isEqualTo(listing);
            assertThat(reply.body().open().readAllBytes()).isEqualTo(listing);
        }
    }

    @Test
    void anAnswerAboveTheLimitIsRefusedWhetherItsLengthIsAnnouncedOrLearntWhileReading() throws IOException {
        byte[] content = new byte[3 * ReplyBody.BLOCK];
        server.stubFor(get(urlPathEqualTo("/announced")).willReturn(ok().withBody(content)));
        // compressed: the length of what it inflates to is known only once read
        server.stubFor(get(urlPathEqualTo("/compressed")).willReturn(ok().withBody(gzip(content))
                .withHeader("Content-Encoding", "gzip")));

        for (String path : new String[] {"/announced", "/compressed"}) {
            URI uri = URI.create(server.baseUrl() + path);
            assertThatThrownBy(() -> transport.get(uri, Map.of(), 2L * ReplyBody.BLOCK))
                    .isInstanceOf(ContentTooLargeException.class)
                    .hasMessage("GET " + uri + " answered more than " + 2 * ReplyBody.BLOCK + " bytes");
            assertThat(transport.get(uri, Map.of(), content.length).body().bytes()).isEqualTo(content);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void anAnswerBrokenOffMidwayIsAnIoFailureThatKeepsNoConnection() throws IOException {
        server.stubFor(get(urlPathEqualTo("/broken")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        server.stubFor(get(urlPathEqualTo("/whole")).willReturn(okJson("{\"a\":1}")));

        // more broken answers than the pool has connections: one left held would leave the good call waiting
        for (int call = 0; call < 6; call++) {
            assertThatThrownBy(() -> transport.get(URI.create(server.baseUrl() + "/broken"), Map.of()))
                    .isInstanceOf(IOException.class);
        }
        HttpReply whole = transport.get(URI.create(server.baseUrl() + "/whole"), Map.of());

        assertThat(new String(whole.body().bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void returnsErrorStatusesWithoutRetryingThem() throws IOException {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

        HttpReply reply = transport.get(URI.create(server.baseUrl() + "/x"), Map.of());

        assertThat(reply.status()).isEqualTo(503);
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void slowResponseEndsInATimeout() throws IOException {
        server.stubFor(get(anyUrl()).willReturn(okJson("{}").withFixedDelay(5000)));
        try (CamelHttpTransport impatient = new CamelHttpTransport(camel, Duration.ofSeconds(5), Duration.ofSeconds(1),
                4)) {
            assertThatThrownBy(() -> impatient.get(URI.create(server.baseUrl() + "/slow"), Map.of()))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }
}
