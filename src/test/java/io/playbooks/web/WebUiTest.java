package io.playbooks.web;

import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's files on the API port: served without the token, nothing else from the class path, security headers everywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest {

    private static final String TOKEN = "web-ui-s3cret";

    private RunningService service;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        service = RunningService.start("web-ui", workDir, Map.of("playbooks.api.token", TOKEN));
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void theDashboardAndItsFilesNeedNoToken() {
        Reply index = service.get("/");
        Reply script = service.get("/ui/js/app.js");
        Reply style = service.get("/ui/app.css");
        Reply chart = service.get("/webjars/echarts/dist/echarts.min.js");
        Reply swagger = service.get("/webjars/swagger-ui/swagger-ui-bundle.js");
        Reply docs = service.get("/api/docs");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Confluence Playbooks</title>").contains("/ui/js/app.js");
        assertThat(header(index, "content-type")).startsWith("text/html");
        assertThat(header(script, "content-type")).startsWith("text/javascript");
        assertThat(header(style, "content-type")).startsWith("text/css");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(docs.body()).contains("swagger-ui-bundle.js");
    }

    @Test
    void thePagesHoldNoInlineScriptOrStyle() {
        for (String page : List.of("/", "/api/docs")) {
            String html = service.get(page).body();
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style").doesNotContain("style=");
            assertThat(html).as(page).doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void nothingOutsideTheDashboardFolderAndTheListedWebJarsIsServed() {
        assertThat(service.get("/ui/../config/application.properties").status()).isEqualTo(404);
        assertThat(service.get("/ui/%2e%2e/simplelogger.properties").status()).isEqualTo(404);
        assertThat(service.get("/ui/io/playbooks/Application.class").status()).isEqualTo(404);
        assertThat(service.get("/ui/missing.js").status()).isEqualTo(404);
        assertThat(service.get("/ui").status()).isEqualTo(404);
        assertThat(service.get("/webjars/echarts").status()).isEqualTo(404);
        assertThat(service.get("/webjars/tslib/tslib.js").status()).as("a WebJar the pages do not use").isEqualTo(404);
        assertThat(service.get("/webjars/echarts/../../../../simplelogger.properties").status()).isEqualTo(404);
        assertThat(service.get("/simplelogger.properties").status()).isEqualTo(404);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        List<Reply> replies = List.of(service.get("/"), service.get("/ui/app.css"), service.get("/api/docs"),
                service.get("/api/v1/openapi.json"), service.get("/api/v1/confluence/status"), service.get("/no/such/page"));

        for (Reply reply : replies) {
            assertThat(header(reply, "content-security-policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(header(reply, "x-content-type-options")).isEqualTo("nosniff");
            assertThat(header(reply, "x-frame-options")).isEqualTo("DENY");
            assertThat(header(reply, "referrer-policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void apiAnswersNeedTheTokenAndAreNeverCached() throws Exception {
        Reply refused = service.get("/api/v1/confluence/status");
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        service.uri("/api/v1/confluence/status")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(header(refused, "cache-control")).isEqualTo("no-store");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("cache-control")).contains("no-store");
        assertThat(served.headers().firstValue("content-security-policy")).isPresent();
        assertThat(served.body()).doesNotContain(TOKEN);
    }

    @Test
    void theOpenApiDocumentIsServedWithoutTheTokenAndHoldsNoData() {
        Reply document = service.get("/api/v1/openapi.json");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("openapi").asText()).startsWith("3.");
        assertThat(document.body()).doesNotContain(TOKEN);
    }

    private static String header(Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
}
