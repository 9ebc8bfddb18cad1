package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests a careless or hostile client sends: each gets a JSON answer that says what is wrong, never a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRequestEdgesTest {

    private static final String API = "/api/v1/confluence";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        service = RunningService.start("api-edges", workDir, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void aBulkImportRefusedForWantOfConfluenceLeavesNoRunBehind() {
        Reply refused = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        Reply status = service.get(API + "/sync/status");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).startsWith("Confluence is not configured");
        assertThat(status.json().get("bulk_import").isNull()).as(status.body()).isTrue();
    }

    @Test
    void aQueryParameterCannotSetTheStatusNorTheContentType() {
        for (String query : new String[] {"CamelHttpResponseCode=418", "camelhttpresponsecode=204", "Content-Type=text/html"}) {
            Reply reply = service.get(API + "/status?" + query);

            assertThat(reply.status()).as(query).isEqualTo(200);
            assertThat(reply.headers().get("content-type")).as(query).anySatisfy(type -> assertThat(type).contains("json"));
            assertThat(reply.json().has("enabled")).as(query).isTrue();
        }
    }

    @Test
    void aRequestHeaderCannotStandForAQueryParameter() throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(service.uri(API + "/analytics?from=2026-11-01"))
                .header("From", "ops-bot@example.com").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void anEmptyPostToACallThatTakesNoBodyIsAnsweredInJson() throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(service.uri(API + "/events/deliveries/retry"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).isObject()).isTrue();
    }

    @Test
    void everyHeaderARouteSetsForItselfIsClearedOfWhatTheCallerSent() throws Exception {
        Set<String> set = new TreeSet<>();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Matcher name = Pattern.compile("- setHeader:\\s+name: (\\w+)").matcher(Files.readString(route));
                while (name.find()) {
                    set.add(name.group(1));
                }
            }
        }
        set.removeIf(name -> name.startsWith("Camel"));

        assertThat(QueryParameterHeaders.ROUTE_HEADERS).containsAll(set);
    }

    @Test
    void aGetWithAContentTypeThatIsNotJsonIsAnsweredInJson() throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(service.uri(API + "/playbooks"))
                .header("Content-Type", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).has("total_confluence_playbooks")).isTrue();
    }

    @Test
    void aMissingOrNullBodyIsABadRequest() {
        for (String path : new String[] {"/import", "/bulk-import", "/configure", "/connection/test", "/sync"}) {
            for (String body : new String[] {"", "null"}) {
                Reply reply = service.post(API + path, body);

                assertThat(reply.status()).as(path + " " + body).isEqualTo(400);
                assertThat(reply.json().get("error").asText()).as(path + " " + body).contains("request body is empty");
            }
        }
    }

    @Test
    void jsonOfTheWrongShapeIsRefusedNamingTheField() {
        Reply spaces = service.post(API + "/configure", "{\"url\": \"https://x.atlassian.net/wiki\", \"spaces\": \"OPS\"}");
        Reply hours = service.post(API + "/sync", "{\"max_age_hours\": \"abc\"}");
        Reply list = service.post(API + "/import", "[]");

        assertThat(spaces.status()).isEqualTo(400);
        assertThat(spaces.json().get("error").asText()).contains("'spaces' must be a list");
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.json().get("error").asText()).contains("'max_age_hours' must be a number");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().get("error").asText()).contains("must be a JSON object");
    }

    @Test
    void aSpaceKeyLongerThanAnyConfluenceKeyIsABadRequest() {
        Reply reply = service.post(API + "/bulk-import", "{\"space_key\": \"" + "K".repeat(300) + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("at most 255 characters");
    }

    @Test
    void whatTheServerRefusesBeforeAnyRouteIsAnsweredInJson() throws Exception {
        Reply unknown = service.get(API + "/nope");
        Reply notJson = service.send(API + "/import", "text/plain", "page_id=1");
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(service.uri(API + "/playbooks")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("/api/v1/confluence/nope");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.json().get("type").asText()).isEqualTo("unsupported_media_type");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        JsonNode body = JSON.readTree(wrongMethod.body());
        assertThat(body.get("status").asInt()).isEqualTo(405);
    }
}
