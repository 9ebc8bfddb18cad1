package io.playbooks.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/openapi.json describes exactly the REST verbs of routes/api.camel.yaml, with their request bodies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private RunningService service;
    private JsonNode document;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        service = RunningService.start("openapi", workDir, Map.of());
        document = service.get("/api/v1/openapi.json").json();
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void everyRestVerbHasAPathInTheDocumentAndEveryPathAVerb() {
        Set<String> routes = new TreeSet<>();
        for (RestDefinition rest : service.camel().getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                routes.add(verb.asVerb().toUpperCase(Locale.ROOT) + " " + rest.getPath() + (verb.getPath() == null ? "" : verb.getPath()));
            }
        }
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }

        assertThat(routes).contains("GET /api/v1/confluence/status", "POST /api/v1/confluence/bulk-import");
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void theServerIsNamedAsTheRequestReachedItNotAsBound() throws Exception {
        HttpResponse<String> behindProxy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        service.uri("/api/v1/openapi.json")).header("X-Forwarded-Host", "playbooks.example.org")
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(document.get("servers").findValuesAsText("url")).noneMatch(url -> url.contains("0.0.0.0"));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(behindProxy.body()).get("servers")
                .findValuesAsText("url")).containsExactly("https://playbooks.example.org");
    }

    @Test
    void requestBodiesAreDescribedBySchemas() {
        JsonNode bulkImport = document.at("/paths/~1api~1v1~1confluence~1bulk-import/post/requestBody/content/application~1json/schema");
        JsonNode schemas = document.at("/components/schemas");

        assertThat(bulkImport.get("$ref").asText()).isEqualTo("#/components/schemas/BulkImportRequest");
        assertThat(schemas.at("/BulkImportRequest/properties").has("space_key")).isTrue();
        assertThat(schemas.at("/ConfigureRequest/properties").has("api_token")).isTrue();
        assertThat(document.at("/info/title").asText()).isEqualTo("confluence-playbooks API");
    }

    @Test
    void answersAreDescribedTooWithTheirJsonKeys() {
        JsonNode status = document.at("/paths/~1api~1v1~1confluence~1status/get");
        String statusSchema = status.at("/responses/200/content/application~1json/schema/$ref").asText();

        assertThat(status.get("summary").asText()).contains("Connection state");
        assertThat(statusSchema).startsWith("#/components/schemas/");
        JsonNode properties = document.at("/components/schemas/" + statusSchema.substring(statusSchema.lastIndexOf('/') + 1) + "/properties");
        assertThat(properties.has("spaces_configured")).as(properties.toString()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1confluence~1discover/get/parameters/0/name").asText()).isEqualTo("space_key");
    }
}
