package io.playbooks.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import org.apache.camel.main.Main;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code java -jar confluence-playbooks.jar mcp}: the whole service (routes, storage, schedule) in this process,
 * with the MCP tools served over stdin/stdout. stdout carries JSON-RPC only: anything else that prints to
 * System.out lands on stderr. The command ends when the client closes stdin, once the requests it sent are answered.
 */
public final class McpStdioCommand {

    /** How long a request read before stdin closed may take to answer (a bulk import of a large space included). */
    private static final Duration LAST_ANSWERS = Duration.ofMinutes(10);

    private final Supplier<Main> service;
    private final Function<String, String> environment;

    public McpStdioCommand(Supplier<Main> service, Function<String, String> environment) {
        this.service = service;
        this.environment = environment;
    }

    public void run() throws Exception {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        Main main = service.get();
        // a client starts this command beside a service that may hold the usual port: take any free one instead
        if (environment.apply("PLAYBOOKS_HTTP_PORT") == null) {
            main.addOverrideProperty("camel.server.port", "0");
        }
        main.start();
        try {
            ToolCatalog tools = main.getCamelContext().getRegistry().lookupByNameAndType("mcpTools", ToolCatalog.class);
            PendingRequests pending = new PendingRequests(LAST_ANSWERS);
            OutputStream answers = pending.writing(protocol);
            EndOfInput stdin = new EndOfInput(new InboundGate(pending.reading(new FileInputStream(FileDescriptor.in)), answers));
            McpSyncServer server = McpServers.serve(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), stdin,
                    answers), tools, McpWiring.version());
            stdin.awaitEnd();
            server.closeGracefully();
        } finally {
            main.stop();
        }
    }
}
