package io.playbooks.api;

import io.playbooks.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With PLAYBOOKS_API_TOKEN set, the API answers only calls that carry it. */
class ApiTokenTest {

    @TempDir
    Path workDir;

    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        service = RunningService.start("api-token", workDir, Map.of("playbooks.api.token", "s3cret-token"));
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
    }

    @Test
    void aCallWithoutTheTokenIsRefusedWith401() {
        RunningService.Reply reply = service.get("/api/v1/confluence/status");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).contains("bearer token");
        assertThat(reply.headers()).containsKey("www-authenticate");
    }

    @Test
    void aWrongTokenIsRefusedAndTheRightOneIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(service.uri("/api/v1/confluence/status"))
                .header("Authorization", "Bearer guess").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> right = http.send(HttpRequest.newBuilder(service.uri("/api/v1/confluence/status"))
                .header("Authorization", "Bearer s3cret-token").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).doesNotContain("s3cret-token");
    }

    @Test
    void aTokenInTheQueryStringIsNoToken() {
        RunningService.Reply reply = service.get("/api/v1/confluence/status?Authorization=Bearer%20s3cret-token");

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void theSchemeIsReadInAnyCase() {
        assertThat(new ApiTokenCheck("s3cret-token").accepts("bearer s3cret-token")).isTrue();
        assertThat(new ApiTokenCheck("s3cret-token").accepts("BEARER  s3cret-token ")).isTrue();
        assertThat(new ApiTokenCheck("s3cret-token").accepts("Basic s3cret-token")).isFalse();
        assertThat(new ApiTokenCheck("s3cret-token").accepts("s3cret-token")).isFalse();
        assertThat(new ApiTokenCheck(null).accepts(null)).isTrue();
    }

    @Test
    void theServiceRefusesToListenBeyondLoopbackWithoutAToken() {
        assertThatThrownBy(() -> ListenGuard.requireTokenOffLoopback("0.0.0.0", false))
                .hasMessageContaining("PLAYBOOKS_API_TOKEN");
        ListenGuard.requireTokenOffLoopback("127.0.0.1", false);
        ListenGuard.requireTokenOffLoopback("0.0.0.0", true);
    }
}
