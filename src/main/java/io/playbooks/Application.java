package io.playbooks;

import io.playbooks.cli.ConvertCommand;
import org.apache.camel.main.Main;

/**
 * Entry point: {@code convert ...} runs the command-line converter; no arguments runs the service
 * (Camel Main with the routes of {@code routes/} and the settings of {@code config/}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "convert".equals(args[0])) {
            System.exit(new ConvertCommand(System.out, System.err).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        service().run(args);
    }

    /**
     * The service as {@code main} runs it; tests start it with their own override properties. The configuration
     * classes of io.playbooks ({@link PlaybooksConfiguration}) are found by Camel Main's package scan.
     */
    public static Main service() {
        Main main = new Main(Application.class);
        main.setPropertyPlaceholderLocations("file:config/application.properties");
        return main;
    }
}
