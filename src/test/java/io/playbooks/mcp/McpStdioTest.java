package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.playbooks.mcp.McpTestClients.call;
import static io.playbooks.mcp.McpTestClients.ok;
import static io.playbooks.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Application mcp} as a separate process, as an MCP client starts it: the SDK's stdio client drives the
 * tools against a fake Confluence; a raw process shows that stdout carries JSON-RPC only and that the command ends
 * when stdin closes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpStdioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeConfluence site;
    private List<FakePage> pages;
    private Path workDir;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        this.workDir = workDir;
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        pages = site.addAuthoredPages("OPS");
        site.now(Instant.now());
        Map<String, Object> confluence = Map.of("enabled", true, "url", site.baseUrl(),
                "credentials", Map.of("username", FakeConfluence.CLOUD_USER, "token", FakeConfluence.CLOUD_TOKEN),
                "spaces", List.of("OPS"), "http", Map.of("request_timeout_seconds", 5, "max_attempts", 2));
        JSON.writeValue(workDir.resolve("config.json").toFile(), Map.of("connectors", Map.of("confluence", confluence)));
        Files.createDirectories(workDir.resolve("offline"));
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void theSdkClientListsAndCallsTheToolsOverStdio() {
        StdioClientTransport transport = new StdioClientTransport(serverParameters("stdio-client"), McpJsonDefaults.getMapper());
        List<String> stderr = new ArrayList<>();
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpTestClients.client(transport, p -> { });
        try {
            FakePage deploy = pages.stream().filter(p -> p.title().equals("Deploy Application")).findFirst().orElseThrow();

            List<McpSchema.Tool> tools = client.listTools().tools();
            JsonNode status = ok(call(client, "get_confluence_status", Map.of()));
            JsonNode imported = ok(call(client, "import_confluence_playbook", Map.of("page_id", deploy.id)));
            JsonNode read = ok(call(client, "get_playbook", Map.of("page_id", deploy.id)));
            JsonNode found = ok(call(client, "search_playbooks", Map.of("query", "storefront")));
            CallToolResult missing = call(client, "get_playbook", Map.of());

            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(McpTestClients.ALL_TOOLS);
            assertThat(status.get("connected").asBoolean()).isTrue();
            assertThat(imported.get("outcome").asText()).isEqualTo("created");
            assertThat(read.get("steps")).hasSize(5);
            assertThat(found.get("results").get(0).get("confluence_page_id").asText()).isEqualTo(deploy.id);
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("either playbook_id").contains("one is required");
            assertThatThrownBy(() -> call(client, "no_such_tool", Map.of())).isInstanceOf(McpError.class)
                    .hasMessageContaining("Unknown tool");
            assertThat(ok(call(client, "list_confluence_playbooks", Map.of())).get("total_confluence_playbooks").asInt())
                    .isEqualTo(1);
            // property values from the environment can hold credentials (a webhook's user:password@): not logged
            assertThat(List.copyOf(stderr)).noneSatisfy(line -> assertThat(line).contains("Property-placeholders summary"));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void stdoutCarriesJsonRpcOnlyAndTheCommandEndsWhenStdinCloses() throws Exception {
        Process process = rawProcess("stdio-raw");
        try (OutputStream stdin = process.getOutputStream();
             BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            stdin.write((initialize("raw")
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            List<JsonNode> messages = new ArrayList<>();
            while (messages.size() < 2) {
                String line = stdout.readLine();
                assertThat(line).as("stdout ended early").isNotNull();
                messages.add(JSON.readTree(line));
            }
            stdin.close();

            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the command ends when stdin closes").isTrue();
            assertThat(process.exitValue()).isZero();
            String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String line : rest.isEmpty() ? new String[0] : rest.split("\n")) {
                messages.add(JSON.readTree(line));
            }
            assertThat(messages).allSatisfy(m -> assertThat(m.get("jsonrpc").asText()).isEqualTo("2.0"));
            assertThat(messages.get(1).get("result").get("tools")).hasSize(McpTestClients.ALL_TOOLS.size());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void requestsPipedJustBeforeStdinClosesAreAllAnswered() throws Exception {
        List<JsonNode> answers = answersToPipedLines("piped",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");

        assertThat(answers).extracting(answer -> answer.get("id").asInt()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void aLastRequestWithoutALineBreakIsAnsweredAndTheCommandEnds() throws Exception {
        List<JsonNode> answers = answersToPiped("unterminated", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");

        assertThat(answers).extracting(answer -> answer.get("id").asInt()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aLineThatIsNoMessageIsAnsweredWithAnErrorAndTheSessionGoesOn() throws Exception {
        List<JsonNode> answers = answersToPipedLines("malformed",
                "",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"meth",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"get_playbook\",\"arguments\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");

        assertThat(answers).extracting(answer -> answer.get("id").asText() + " " + answer.path("error").path("code").asInt(0))
                .containsExactlyInAnyOrder("1 0", "null " + McpSchema.ErrorCodes.PARSE_ERROR,
                        "null " + McpSchema.ErrorCodes.INVALID_REQUEST, "5 " + McpSchema.ErrorCodes.INVALID_PARAMS,
                        "6 " + McpSchema.ErrorCodes.INVALID_PARAMS, "7 0");
    }

    /**
     * Pipes initialize, the initialized notification and {@code lines} to a new process and closes its stdin at once,
     * as a script does; returns what it wrote to stdout once it ended (which it must, cleanly).
     */
    private List<JsonNode> answersToPipedLines(String name, String... lines) throws Exception {
        return answersToPiped(name, String.join("\n", lines) + "\n");
    }

    /** As {@link #answersToPipedLines}, with the input after the initialized notification as written. */
    private List<JsonNode> answersToPiped(String name, String input) throws Exception {
        Process process = rawProcess("stdio-" + name);
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((initialize(name) + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                        + input).getBytes(StandardCharsets.UTF_8));
            }
            // the answers fit in the pipe's buffer: the process can end before they are read
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the command ends once it answered").isTrue();
            assertThat(process.exitValue()).isZero();
            List<JsonNode> answers = new ArrayList<>();
            for (String line : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n")) {
                answers.add(JSON.readTree(line));
            }
            return answers;
        } finally {
            process.destroyForcibly();
        }
    }

    /** The command as a plain process, its stdin and stdout raw, its log discarded. */
    private Process rawProcess(String name) throws IOException {
        ServerParameters parameters = serverParameters(name);
        List<String> command = new ArrayList<>();
        command.add(parameters.getCommand());
        command.addAll(parameters.getArgs());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The initialize request of a client, as one line. */
    private static String initialize(String client) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"" + client + "\",\"version\":\"1\"}}}\n";
    }

    /** This JVM's class path, run from the project folder (routes/, config/), with its own database and files. */
    private ServerParameters serverParameters(String name) {
        return ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", System.getProperty("java.class.path"),
                        "-Dplaybooks.db.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                        "-Dplaybooks.config.file=" + workDir.resolve("config.json"),
                        "-Dplaybooks.data.dir=" + workDir.resolve("data-" + name),
                        "-Dplaybooks.offline.dir=" + workDir.resolve("offline"),
                        "io.playbooks.Application", "mcp")
                .build();
    }
}
