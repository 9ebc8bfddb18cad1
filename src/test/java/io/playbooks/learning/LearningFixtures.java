package io.playbooks.learning;

import io.playbooks.RunningService;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.OfflinePageLoader;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Samples stored in a running service, reads with chosen headers, and the use rows the service recorded. */
public final class LearningFixtures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LearningFixtures() {
    }

    /** Converts and stores {@code samples/NAME.xhtml} through the service's own converter and store; its playbook id. */
    public static long store(RunningService service, String sample) throws Exception {
        var registry = service.camel().getRegistry();
        Conversion conversion = registry.lookupByNameAndType("pageConverter", PageConverter.class)
                .convert(new OfflinePageLoader().load(Path.of("samples", sample + ".xhtml")));
        return registry.lookupByNameAndType("playbookStore", PlaybookStore.class).save(conversion, false).playbookId();
    }

    public static int get(RunningService service, String path, String header, String value) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri(path)).header(header, value).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static void execute(RunningService service, String sql) throws Exception {
        Database database = service.camel().getRegistry().lookupByNameAndType("database", Database.class);
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The uses of a playbook as "kind/channel", oldest first. */
    public static List<String> uses(RunningService service, long playbookId) throws Exception {
        Database database = service.camel().getRegistry().lookupByNameAndType("database", Database.class);
        List<String> uses = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT kind, channel FROM playbook_usage WHERE playbook_id = ? ORDER BY id")) {
            select.setLong(1, playbookId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    uses.add(rows.getString(1) + "/" + rows.getString(2));
                }
            }
        }
        return uses;
    }
}
