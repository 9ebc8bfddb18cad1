package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.playbooks.RunningService;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.broadcast.EventEntry;
import io.playbooks.broadcast.PlaybookEvent;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.playbooks.mcp.McpTestClients.call;
import static io.playbooks.mcp.McpTestClients.ok;
import static io.playbooks.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MCP tools over Streamable HTTP at /mcp, driven by the SDK's own client against the real service (routes,
 * storage, bearer token) and a fake Confluence Cloud serving the authored pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpHttpToolsTest {

    private static final String TOKEN = "mcp-test-token";

    private FakeConfluence site;
    private List<FakePage> pages;
    private RunningService service;
    private McpSyncClient client;
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        pages = site.addAuthoredPages("OPS");
        site.addSpace("LAB", "Lab");
        site.now(Instant.now());
        // requests held by a test wait as long as it holds them, not the usual 5 s of the tests
        service = ConnectorTestSupport.serviceFor(site, "mcp-http", workDir, List.of("OPS"),
                Map.of("http", Map.of("request_timeout_seconds", 120, "max_attempts", 3, "max_backoff_seconds", 1)),
                Map.of("playbooks.api.token", TOKEN));
        client = McpTestClients.client(McpTestClients.http(base(), TOKEN), progress::add);
    }

    @AfterAll
    void stop() throws Exception {
        client.closeGracefully();
        service.close();
        site.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryToolEachWithDescriptionAndInputAndOutputSchemas() {
        List<McpSchema.Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(McpTestClients.ALL_TOOLS);
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.description()).hasSizeGreaterThan(80);
            assertThat(tool.inputSchema()).containsEntry("type", "object");
            assertThat(tool.outputSchema()).containsEntry("type", "object");
        });
        McpSchema.Tool importTool = tools.stream().filter(t -> t.name().equals("import_confluence_playbook")).findFirst().orElseThrow();
        assertThat(importTool.inputSchema()).containsEntry("required", List.of("page_id"));
        assertThat(((Map<String, Object>) importTool.inputSchema().get("properties")).keySet()).containsExactlyInAnyOrder("page_id", "force_update", "site");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProfileExportedByOneToolIsImportedByTheOther() {
        JsonNode exported = ok(call(client, "export_detection_profile", Map.of()));
        Map<String, Object> document = new ObjectMapper().convertValue(exported, Map.class);
        ((Map<String, Object>) document.get("profile")).put("threshold", 0.6);

        JsonNode imported = ok(call(client, "import_detection_profile", Map.of("document", document)));

        assertThat(exported.get("source").get("origin").asText()).isEqualTo("built-in");
        assertThat(imported.get("source").get("origin").asText()).isEqualTo("imported");
        assertThat(imported.get("profile").get("threshold").asDouble()).isEqualTo(0.6);
        ((Map<String, Object>) document.get("profile")).put("threshold", "high");
        McpSchema.CallToolResult refused = call(client, "import_detection_profile", Map.of("document", document));
        assertThat(refused.isError()).isTrue();
        assertThat(refused.content().toString()).contains("$.profile.threshold");
    }

    @Test
    void statusShowsTheConnectionLikeTheRestCall() {
        JsonNode status = ok(call(client, "get_confluence_status", Map.of()));

        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("spaces_configured").get(0).asText()).isEqualTo("OPS");
        assertThat(status.toString()).doesNotContain(FakeConfluence.CLOUD_TOKEN);
    }

    @Test
    void discoverAndPreviewReadConfluenceWithoutStoring() {
        JsonNode discovered = ok(call(client, "discover_confluence_playbooks", Map.of("space_key", "OPS")));
        JsonNode preview = ok(call(client, "preview_confluence_playbook", Map.of("page_id", page("Deploy Application").id)));

        assertThat(discovered.get("total_pages").asInt()).isEqualTo(pages.size());
        assertThat(discovered.get("discovered_pages").asInt()).isEqualTo(20);
        assertThat(preview.get("metadata").get("is_playbook").asBoolean()).isTrue();
        assertThat(preview.get("yaml_preview").asText()).contains("sudo systemctl restart storefront");
    }

    @Test
    void importThenGetPlaybookByIdByPageAndByVersion() {
        FakePage deploy = page("Deploy Application");
        JsonNode imported = ok(call(client, "import_confluence_playbook", Map.of("page_id", deploy.id, "force_update", true)));
        long id = imported.get("playbook_id").asLong();

        JsonNode byId = ok(call(client, "get_playbook", Map.of("playbook_id", id)));
        JsonNode bySlug = ok(call(client, "get_playbook", Map.of("playbook_id", imported.get("slug").asText())));
        JsonNode byPage = ok(call(client, "get_playbook", Map.of("page_id", deploy.id, "version", 1)));

        assertThat(imported.get("success").asBoolean()).isTrue();
        assertThat(imported.get("step_count").asInt()).isEqualTo(5);
        assertThat(byId.get("yaml").asText()).contains("sudo systemctl restart storefront");
        assertThat(byId.get("steps")).hasSize(5);
        assertThat(byId.get("steps").get(0).has("action")).isTrue();
        assertThat(bySlug.get("playbook").get("playbook_id").asLong()).isEqualTo(id);
        assertThat(byPage.get("version").asInt()).isEqualTo(1);
        assertThat(byPage.get("playbook").get("confluence_page_id").asText()).isEqualTo(deploy.id);
    }

    @Test
    void anAttachedPictureComesBackAsAnImageATextFileAsTextAndOtherFilesAreDescribedWithoutFetchingThem() {
        FakePage lab = site.addPage("LAB", "Restart the lab gateway", List.of("runbook"),
                "<ol><li>Open the panel:<ac:image><ri:attachment ri:filename=\"panel.png\" /></ac:image></li>"
                        + "<li>Restart it: <code>sudo systemctl restart lab-gateway</code></li></ol>");
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        site.addAttachment(lab.id, "panel.png", "image/png", picture);
        site.addAttachment(lab.id, "gateway.yaml", "application/x-yaml", "port: 8443\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        site.addAttachment(lab.id, "manual.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'});
        long id = ok(call(client, "import_confluence_playbook", Map.of("page_id", lab.id))).get("playbook_id").asLong();
        JsonNode document = ok(call(client, "get_playbook", Map.of("playbook_id", id)));

        CallToolResult image = call(client, "get_playbook_attachment", Map.of("playbook_id", id, "file_name", "panel.png"));
        CallToolResult yaml = call(client, "get_playbook_attachment", Map.of("playbook_id", id, "file_name", "gateway.yaml"));
        CallToolResult pdf = call(client, "get_playbook_attachment", Map.of("playbook_id", id, "file_name", "manual.pdf"));
        CallToolResult missing = call(client, "get_playbook_attachment", Map.of("playbook_id", id, "file_name", "nope.png"));

        assertThat(document.get("attachments").findValuesAsText("file_name"))
                .containsExactlyInAnyOrder("panel.png", "gateway.yaml", "manual.pdf");
        assertThat(ok(image).get("returned_as").asText()).isEqualTo("image");
        McpSchema.ImageContent shown = (McpSchema.ImageContent) image.content().get(1);
        assertThat(shown.mimeType()).isEqualTo("image/png");
        assertThat(java.util.Base64.getDecoder().decode(shown.data())).isEqualTo(picture);
        assertThat(ok(yaml).get("returned_as").asText()).isEqualTo("text");
        assertThat(((McpSchema.TextContent) yaml.content().get(1)).text()).isEqualTo("port: 8443\n");
        assertThat(ok(pdf).get("returned_as").asText()).isEqualTo("none");
        assertThat(ok(pdf).get("download_url").asText()).contains("/download/attachments/" + lab.id + "/manual.pdf");
        assertThat(pdf.content()).hasSize(1);
        assertThat(ok(pdf).has("size_bytes")).isFalse();
        assertThat(site.requestCount("/manual.pdf")).as("a file only described is not fetched").isZero();
        assertThat(ok(image).get("size_bytes").asInt()).isEqualTo(picture.length);
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("status 404", "no attachment named 'nope.png'", "panel.png");
    }

    @Test
    void importOfAPageThatIsNoPlaybookIsAToolErrorSayingWhy() {
        CallToolResult result = call(client, "import_confluence_playbook", Map.of("page_id", page("Platform glossary").id));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("status 422").contains("is not a playbook");
    }

    /** The client hands notifications to its consumer on another thread: the result can come first. */
    private void awaitLastProgress(String message) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((progress.isEmpty() || !progress.get(progress.size() - 1).message().contains(message))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void bulkImportReportsProgressAndSearchFindsWhatItImported() {
        progress.clear();
        site.latency(java.time.Duration.ofMillis(150));
        CallToolResult result;
        try {
            result = client.callTool(McpSchema.CallToolRequest.builder().name("bulk_import_confluence_space")
                    .arguments(Map.of("space_key", "OPS")).progressToken("bulk-1").build());
        } finally {
            site.latency(java.time.Duration.ZERO);
        }
        JsonNode bulk = ok(result);
        JsonNode found = ok(call(client, "search_playbooks", Map.of("query", "restart storefront", "limit", 3)));
        JsonNode listed = ok(call(client, "list_confluence_playbooks", Map.of()));

        assertThat(bulk.get("discovered_pages").asInt()).isEqualTo(20);
        assertThat(bulk.get("failed_imports").asInt()).isZero();
        awaitLastProgress("pages of space OPS done");
        assertThat(progress).allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("bulk-1"));
        assertThat(progress.get(progress.size() - 1).message()).contains("pages of space OPS done");
        // other tests of the class import pages of another space into the same service
        assertThat(listed.get("playbooks").findValuesAsText("confluence_space").stream().filter("OPS"::equals)).hasSize(20);
        assertThat(found.get("results").size()).isBetween(1, 3);
        JsonNode best = found.get("results").get(0);
        assertThat(best.get("name").asText()).isEqualTo("Deploy Application");
        assertThat(best.get("reason").asText()).contains("'restart'").contains("'storefront'");
        assertThat(best.get("snippet").asText().toLowerCase()).contains("storefront");
    }

    @Test
    void bulkImportProgressReachesTheClientWhileTheImportStillWaitsOnConfluence() throws Exception {
        site.addSpace("BIG", "Big space");
        site.addGeneratedPages("BIG", 300);
        progress.clear();
        // the listing's second answer (pages 251 to 300) is held: the first 250 pages are imported meanwhile
        try (FakeConfluence.Hold secondListing = site.holdNext("status=current&limit=250&cursor=")) {
            CompletableFuture<CallToolResult> running = CompletableFuture.supplyAsync(() -> client.callTool(
                    McpSchema.CallToolRequest.builder().name("bulk_import_confluence_space")
                            .arguments(Map.of("space_key", "BIG")).progressToken("bulk-live").build()));
            assertThat(secondListing.reached()).isTrue();

            awaitProgress(p -> p.progress() >= 200);

            assertThat(running).as("the import still waits on Confluence").isNotDone();
            assertThat(progress).as("progress seen while the import waits").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("bulk-live"))
                    .anySatisfy(p -> assertThat(p.progress()).isBetween(200.0, 250.0));
            secondListing.release();
            assertThat(ok(running.get(2, TimeUnit.MINUTES)).get("total_pages").asInt()).isEqualTo(300);
        }
    }

    private void awaitProgress(java.util.function.Predicate<McpSchema.ProgressNotification> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (progress.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void aBulkImportThatConfluenceRefusesFailsWithTheRestCallsStatusAndType() {
        CallToolResult unknown = call(client, "bulk_import_confluence_space", Map.of("space_key", "NOPE"));

        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("unknown_space, status 404").contains("NOPE");
    }

    @Test
    void theToolsAnswerWithTheSameJsonAsTheRestRoutes() throws Exception {
        FakePage deploy = page("Deploy Application");
        ok(call(client, "import_confluence_playbook", Map.of("page_id", deploy.id)));

        JsonNode searchTool = ok(call(client, "search_playbooks", Map.of("query", "storefront", "limit", 5)));
        JsonNode documentTool = ok(call(client, "get_playbook", Map.of("page_id", deploy.id)));
        JsonNode listTool = ok(call(client, "list_confluence_playbooks", Map.of()));

        assertThat(searchTool).isEqualTo(rest("/search?q=storefront&limit=5"));
        assertThat(documentTool).isEqualTo(rest("/pages/" + deploy.id + "/playbook"));
        assertThat(rest("/playbooks/" + documentTool.get("playbook").get("slug").asText() + "/document"))
                .isEqualTo(documentTool);
        assertThat(listTool).isEqualTo(rest("/playbooks"));
    }

    @Test
    void readPlaybookEventsFollowsTheEventLogFromACursorLikeTheRestCall() throws Exception {
        var producer = service.camel().createProducerTemplate();
        long first = producer.requestBody("direct:broadcast", new PlaybookEvent("Playbook outdated: Purge the cache",
                "playbook_outdated", "warning", List.of("operations"), new PlaybookEvent.Details("Purge the cache", 1L,
                "purge-the-cache", "1", "OPS", null, "operations", 2, "outdated")), EventEntry.class).id();

        JsonNode events = ok(call(client, "read_playbook_events", Map.of("since", first - 1, "limit", 1)));

        assertThat(events.get("events")).singleElement().satisfies(event -> {
            assertThat(event.get("id").asLong()).isEqualTo(first);
            assertThat(event.get("message").asText()).isEqualTo("Playbook outdated: Purge the cache");
            assertThat(event.get("severity").asText()).isEqualTo("warning");
        });
        assertThat(events.get("next_since").asLong()).isEqualTo(first);
        assertThat(events).isEqualTo(rest("/events?since=" + (first - 1) + "&limit=1"));
        assertThat(text(call(client, "read_playbook_events", Map.of("since", "last tuesday")))).contains("since", "last tuesday");
    }

    @Test
    void syncRunsTheIncrementalSync() {
        JsonNode sync = ok(call(client, "sync_confluence_playbooks", Map.of("max_age_hours", 1)));

        assertThat(sync.get("completed").asBoolean()).isTrue();
        assertThat(sync.get("failed_updates").asInt()).isZero();
    }

    @Test
    void configureTestsTheConnectionAndRefusesOneThatFails() {
        CallToolResult refused = call(client, "configure_confluence_integration", Map.of("url", site.baseUrl(),
                "username", FakeConfluence.CLOUD_USER, "api_token", "wrong-token", "spaces", List.of("OPS")));
        JsonNode saved = ok(call(client, "configure_confluence_integration", Map.of("url", site.baseUrl(),
                "username", FakeConfluence.CLOUD_USER, "api_token", FakeConfluence.CLOUD_TOKEN, "spaces", List.of("OPS"))));

        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("configure_confluence_integration failed");
        assertThat(saved.get("connected").asBoolean()).isTrue();
        assertThat(saved.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void badArgumentsAreToolErrorsInWordsAndTheServerStaysUp() {
        CallToolResult missing = call(client, "preview_confluence_playbook", Map.of());
        CallToolResult wrongType = call(client, "import_confluence_playbook", Map.of("page_id", "1", "force_update", "yes"));
        CallToolResult unknownArgument = call(client, "get_confluence_status", Map.of("verbose", true));
        CallToolResult both = call(client, "get_playbook", Map.of("playbook_id", 1, "page_id", "2"));
        CallToolResult noSuchPlaybook = call(client, "get_playbook", Map.of("playbook_id", "no-such-playbook"));
        CallToolResult badLimit = call(client, "search_playbooks", Map.of("query", "x", "limit", 0));

        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("page_id");
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).contains("force_update").contains("boolean");
        assertThat(text(unknownArgument)).contains("verbose");
        assertThat(text(both)).contains("either playbook_id").contains("not both");
        assertThat(text(noSuchPlaybook)).contains("status 404").contains("no-such-playbook");
        assertThat(text(badLimit)).contains("limit");
        assertThat(ok(call(client, "list_confluence_playbooks", Map.of())).has("playbooks")).isTrue();
    }

    @Test
    void analyticsIsTheRestAnswerForTheSameWindow() {
        JsonNode weekly = ok(call(client, "get_analytics", Map.of("bucket", "week", "limit", 3, "space_key", "OPS")));
        CallToolResult badWindow = call(client, "get_analytics", Map.of("from", "2026-11-20", "to", "2026-11-01"));

        assertThat(weekly.get("window").get("bucket").asText()).isEqualTo("week");
        assertThat(weekly.get("window").get("limit").asInt()).isEqualTo(3);
        assertThat(weekly.get("window").get("space_key").asText()).isEqualTo("OPS");
        assertThat(weekly.has("total_confluence_playbooks")).isTrue();
        assertThat(badWindow.isError()).isTrue();
        assertThat(text(badWindow)).contains("'from'").contains("must be before 'to'");
    }

    @Test
    void anUnknownToolIsAProtocolErrorNamingIt() {
        assertThatThrownBy(() -> call(client, "delete_everything", Map.of()))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Unknown tool");
        assertThat(ok(call(client, "get_confluence_status", Map.of())).has("enabled")).isTrue();
    }

    @Test
    void withoutTheRightTokenMcpIsRefusedWith401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpResponse<String> none = http.send(post(initialize).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(post(initialize).header("Authorization", "Bearer nope").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("bearer token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not the one");
        assertThatThrownBy(() -> McpTestClients.client(McpTestClients.http(base(), "nope"), p -> { }))
                .hasStackTraceContaining("401");
    }

    private JsonNode rest(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                service.uri("/api/v1/confluence" + path)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    @Test
    void aToolCallWaitingOnConfluenceHoldsUpNoOtherCall() throws Exception {
        FakePage deploy = page("Deploy Application");
        McpSyncClient other = McpTestClients.client(McpTestClients.http(base(), TOKEN), p -> { });
        try (FakeConfluence.Hold confluence = site.holdNext(deploy.id)) {
            CompletableFuture<CallToolResult> held = CompletableFuture.supplyAsync(
                    () -> call(client, "preview_confluence_playbook", Map.of("page_id", deploy.id)));
            assertThat(confluence.reached()).isTrue();

            other.ping();
            JsonNode listed = ok(call(other, "list_confluence_playbooks", Map.of()));
            JsonNode status = rest("/status");

            assertThat(held).as("the held call still waits on Confluence").isNotDone();
            assertThat(listed.has("playbooks")).isTrue();
            assertThat(status.has("connected")).isTrue();
            confluence.release();
            assertThat(ok(held.get(1, TimeUnit.MINUTES)).get("metadata").get("is_playbook").asBoolean()).isTrue();
        } finally {
            other.closeGracefully();
        }
    }

    @Test
    void aMalformedMessageIsRefusedWith400SayingWhatIsWrongAndTheSessionGoesOn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        String session = http.send(post(initialize).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Mcp-Session-Id").orElseThrow();
        java.util.function.Function<String, HttpResponse<String>> send = body -> {
            try {
                return http.send(post(body).header("Authorization", "Bearer " + TOKEN).header("Mcp-Session-Id", session)
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        HttpResponse<String> noParams = send.apply("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\"}");
        HttpResponse<String> textArguments = send.apply("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_playbook\",\"arguments\":\"x\"}}");
        HttpResponse<String> objectId = send.apply("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}");
        HttpResponse<String> ping = send.apply("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");

        assertThat(noParams.statusCode()).isEqualTo(400);
        assertThat(noParams.body()).contains("\"id\":5").contains("tools/call needs params");
        assertThat(textArguments.statusCode()).isEqualTo(400);
        assertThat(textArguments.body()).contains("\"id\":6").contains("must be an object, not string");
        assertThat(objectId.statusCode()).isEqualTo(400);
        assertThat(objectId.body()).contains("\"id\":null").contains("string or an integer");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).contains("\"id\":7").contains("\"result\"");
    }

    @Test
    void aRequestFromAWebPageOfAnotherSiteIsRefused() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> foreign = http.send(post(initialize).header("Authorization", "Bearer " + TOKEN)
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> local = http.send(post(initialize).header("Authorization", "Bearer " + TOKEN)
                .header("Origin", "http://localhost:6274").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("https://evil.example");
        assertThat(local.statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(service.uri("/mcp")).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI base() {
        return service.uri("");
    }

    private FakePage page(String title) {
        return pages.stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }
}
