package io.playbooks;

import io.playbooks.cli.ConvertCommand;
import io.playbooks.mcp.McpStdioCommand;
import org.apache.camel.main.Main;

import java.util.Arrays;

/**
 * Entry point: {@code convert ...} runs the command-line converter; {@code mcp} serves the MCP tools over stdio
 * (with the whole service in the same process); no arguments runs the service
 * (Camel Main with the routes of {@code routes/} and the settings of {@code config/}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "convert".equals(args[0])) {
            System.exit(new ConvertCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "mcp".equals(args[0])) {
            new McpStdioCommand(Application::newService, System::getenv).run();
            System.exit(0);
        }
        newService().run(args);
    }

    /** The service as {@code java -jar} runs it; tests start the same one with properties overridden. */
    public static Main newService() {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:config/application.properties");
        main.configure().addConfiguration(PlaybooksConfiguration.class);
        return main;
    }
}
