package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /connection/test (the dashboard's "test connection") tries settings and changes nothing. */
class ConnectionTestApiTest {

    private static final String API = "/api/v1/confluence";

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        service = ConnectorTestSupport.serviceFor(site, "connection-test", workDir, List.of("OPS"), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        site.close();
    }

    @Test
    void workingSettingsAnswerWithTheDeploymentAndSpacesAndAreNotSaved() {
        JsonNode answer = service.post(API + "/connection/test", settings(FakeConfluence.CLOUD_TOKEN, "OPS")).json();

        assertThat(answer.get("connected").asBoolean()).isTrue();
        assertThat(answer.get("deployment").asText()).isEqualTo("cloud");
        assertThat(answer.get("spaces").get(0).get("name").asText()).isEqualTo("Operations");
        assertThat(answer.toString()).doesNotContain(FakeConfluence.CLOUD_TOKEN);
        assertThat(Files.exists(workDir.resolve("data/confluence-connection.json"))).isFalse();
    }

    @Test
    void aWrongTokenOrAnUnknownSpaceIsReportedAndTheSettingsInUseStay() {
        Reply wrongToken = service.post(API + "/connection/test", settings("wrong-token", "OPS"));
        Reply unknownSpace = service.post(API + "/connection/test", settings(FakeConfluence.CLOUD_TOKEN, "NOPE"));
        Reply noUrl = service.post(API + "/connection/test", "{\"spaces\": [\"OPS\"]}");

        assertThat(wrongToken.status()).isEqualTo(502);
        assertThat(wrongToken.json().get("type").asText()).isEqualTo("confluence_auth");
        assertThat(wrongToken.body()).doesNotContain("wrong-token");
        assertThat(unknownSpace.status()).isEqualTo(404);
        assertThat(unknownSpace.json().get("error").asText()).contains("NOPE");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.json().get("error").asText()).contains("url is required");
        assertThat(service.get(API + "/status").json().get("connected").asBoolean()).isTrue();
    }

    @Test
    void settingsTheServiceRefusesAreABadRequestThatSaysWhy() {
        Reply withQuery = service.post(API + "/connection/test", "{\"url\": \"" + site.baseUrl() + "?space=OPS\", "
                + "\"api_token\": \"t\", \"spaces\": [\"OPS\"]}");
        Reply unknownDeployment = service.post(API + "/connection/test", "{\"url\": \"" + site.baseUrl() + "\", "
                + "\"api_token\": \"t\", \"spaces\": [\"OPS\"], \"deployment\": \"mainframe\"}");

        assertThat(withQuery.status()).isEqualTo(400);
        assertThat(withQuery.json().get("error").asText()).contains("must not carry a query");
        assertThat(unknownDeployment.status()).isEqualTo(400);
        assertThat(unknownDeployment.json().get("error").asText()).contains("'mainframe' is not one of cloud");
    }

    /** Settings with the URL and account of the fake and the given token and space. */
    private String settings(String token, String space) {
        return "{\"url\": \"" + site.baseUrl() + "\", \"username\": \"" + FakeConfluence.CLOUD_USER + "\", \"api_token\": \""
                + token + "\", \"spaces\": [\"" + space + "\"]}";
    }
}
