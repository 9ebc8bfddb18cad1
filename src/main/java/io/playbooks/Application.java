package io.playbooks;

import io.playbooks.cli.ConvertCommand;
import org.apache.camel.main.Main;

import java.util.Arrays;

/**
 * Entry point: {@code convert ...} runs the command-line converter; no arguments runs the service
 * (Camel Main with the routes of {@code routes/} and the settings of {@code config/}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "convert".equals(args[0])) {
            System.exit(new ConvertCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
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
