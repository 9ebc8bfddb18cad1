package io.playbooks.offline;

import com.zaxxer.hikari.HikariDataSource;
import io.playbooks.Application;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import io.playbooks.storage.PlaybookVersion;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the real service (Camel Main, routes of routes/, config/application.properties) on a copy of samples/
 * and an H2 file database of its own, and checks what the offline folder import does.
 */
class OfflineImportServiceTest {

    /** The twelve samples, one page whose metadata is broken and an empty one, which must not stop the others. */
    private static final int PAGES = 14;
    private static final String EDITED = "restart-shipment-api.xhtml";
    private static final String EDITED_META = "renew-edge-proxy-certificate.meta.json";

    @TempDir
    Path temp;
    private Path offline;
    private Main service;
    private NotifyBuilder filesDone;

    @BeforeEach
    void copySamples() throws IOException {
        offline = Files.createDirectory(temp.resolve("offline"));
        try (Stream<Path> samples = Files.list(Path.of("samples"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, offline.resolve(sample.getFileName()));
            }
        }
        Files.writeString(offline.resolve("broken.xhtml"), "<p>Restart it.</p>");
        Files.writeString(offline.resolve("broken.meta.json"), "{\"title\": ");
        Files.writeString(offline.resolve("empty.xhtml"), "");
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void importsTheSamplesOnceAndAnEditedPageAgain() throws Exception {
        Map<String, String> folderBefore = fingerprint(offline);

        start(PAGES);
        assertThat(filesDone.matches(60, TimeUnit.SECONDS)).as("all sample files processed").isTrue();
        awaitBroadcasts(8);
        assertThat(broadcast().getReceivedExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .allSatisfy(event -> assertThat(event).contains("\"change\":\"created\""))
                .anySatisfy(event -> assertThat(event).contains("\"slug\":\"restart-the-shipment-api\"",
                        "\"confluence_space\":\"OPS\"", "\"confluence_page_id\":\"720001\"", "\"step_count\":6"));
        assertThat(store().list()).extracting(PlaybookSummary::name).containsExactlyInAnyOrder(
                "How to purge the CDN cache of the portal",
                "Onboard a partner tenant",
                "Release day checklist",
                "Renew the edge proxy TLS certificate",
                "Restart the shipment API",
                "Scale out the rate engine workers",
                "Switch over the orders database primary",
                "Troubleshooting: tracking event backlog");
        PlaybookSummary restart = store().findBySlug("restart-the-shipment-api").orElseThrow().summary();
        assertThat(restart.confluenceSpace()).isEqualTo("OPS");
        assertThat(restart.confluencePageId()).isEqualTo("720001");
        assertThat(restart.confluenceVersion()).isEqualTo(4);
        assertThat(restart.stepCount()).isEqualTo(6);
        HikariDataSource pool = context().getRegistry()
                .lookupByNameAndType("database", Database.class).dataSource().unwrap(HikariDataSource.class);
        service.stop();
        assertThat(pool.isClosed()).as("the pool is closed with the service").isTrue();

        start(PAGES);
        assertThat(filesDone.matches(60, TimeUnit.SECONDS)).as("all sample files read again").isTrue();
        assertThat(store().list()).hasSize(8).allSatisfy(p -> assertThat(p.versionNumber()).isEqualTo(1));
        assertThat(broadcast().getReceivedCounter()).as("no change event for unchanged pages").isZero();

        NotifyBuilder editDone = new NotifyBuilder(context()).fromRoute("offline-folder").whenDone(1).create();
        Path edited = offline.resolve(EDITED);
        Files.writeString(edited, Files.readString(edited).replace("</ol>\n<h2>Rollback</h2>", """
                <li><p>Clear the booking cache:</p>
                <ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[kubectl -n logistics exec deploy/shipment-api -- booking-cache clear]]></ac:plain-text-body></ac:structured-macro></li>
                </ol>
                <h2>Rollback</h2>"""));
        // another modification time is what marks the file as edited; in the past, since the read lock only takes
        // files that have not changed for a second
        Files.setLastModifiedTime(edited, FileTime.fromMillis(Files.getLastModifiedTime(edited).toMillis() - 60_000));
        assertThat(editDone.matches(30, TimeUnit.SECONDS)).as("the edited file is picked again").isTrue();
        awaitBroadcasts(1);
        assertThat(broadcast().getReceivedExchanges().get(0).getMessage().getBody(String.class))
                .contains("\"change\":\"updated\"");

        long playbookId = store().findBySlug("restart-the-shipment-api").orElseThrow().summary().playbookId();
        assertThat(store().versions(playbookId)).extracting(PlaybookVersion::versionNumber).containsExactly(2, 1);
        assertThat(store().versions(playbookId).get(0).yaml()).contains("booking-cache clear");

        Path meta = offline.resolve(EDITED_META);
        Files.writeString(meta, Files.readString(meta).replace("\"version\": 7", "\"version\": 8"));
        Files.setLastModifiedTime(meta, FileTime.fromMillis(Files.getLastModifiedTime(meta).toMillis() - 60_000));
        awaitVersion("renew-the-edge-proxy-tls-certificate", 2);
        PlaybookSummary renewed = store().findBySlug("renew-the-edge-proxy-tls-certificate").orElseThrow().summary();
        assertThat(renewed.versionNumber()).isEqualTo(2);
        assertThat(renewed.confluenceVersion()).isEqualTo(8);
        assertThat(store().list()).filteredOn(p -> p.playbookId() != playbookId && p.playbookId() != renewed.playbookId())
                .allSatisfy(p -> assertThat(p.versionNumber()).isEqualTo(1));

        Map<String, String> folderAfter = fingerprint(offline);
        for (String editedFile : List.of(EDITED, EDITED_META)) {
            folderBefore.remove(editedFile);
            folderAfter.remove(editedFile);
        }
        assertThat(folderAfter).as("the offline folder is left as the user keeps it").isEqualTo(folderBefore);
    }

    /** Starts the service and counts the files its offline route finishes from the start. */
    private void start(int files) {
        service = Application.newService();
        service.addOverrideProperty("camel.server.port", "0");
        service.addOverrideProperty("playbooks.data.dir", temp.resolve("data").toString());
        service.addOverrideProperty("playbooks.config.file", temp.resolve("no-config.json").toString());
        service.addOverrideProperty("playbooks.offline.dir", offline.toString());
        service.addOverrideProperty("playbooks.offline.poll-delay-ms", "200");
        service.addOverrideProperty("playbooks.db.url",
                "jdbc:h2:file:" + temp.resolve("db/playbooks") + ";AUTO_SERVER=FALSE");
        service.addOverrideProperty("playbooks.broadcast.endpoints", "mock:broadcast");
        service.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                CamelContext context = main.getCamelContext();
                filesDone = new NotifyBuilder(context).fromRoute("offline-folder").whenDone(files).create();
            }
        });
        service.start();
    }

    /** Polls the store until the playbook has reached a version number (a poll of the folder may come late). */
    private void awaitVersion(String slug, int versionNumber) throws InterruptedException {
        for (int i = 0; i < 300 && store().findBySlug(slug).orElseThrow().summary().versionNumber() < versionNumber; i++) {
            Thread.sleep(100);
        }
    }

    /** Change events go out from the outbox, after the file is done: wait for them. */
    private void awaitBroadcasts(int count) throws InterruptedException {
        for (int i = 0; i < 300 && broadcast().getReceivedCounter() < count; i++) {
            Thread.sleep(100);
        }
        assertThat(broadcast().getReceivedCounter()).as("change events broadcast").isEqualTo(count);
    }

    private CamelContext context() {
        return service.getCamelContext();
    }

    private PlaybookStore store() {
        return context().getRegistry().lookupByNameAndType("playbookStore", PlaybookStore.class);
    }

    private MockEndpoint broadcast() {
        return context().getEndpoint("mock:broadcast", MockEndpoint.class);
    }

    /** Every entry of the folder (hidden ones too) with a hash of its content and its last-modified time. */
    private static Map<String, String> fingerprint(Path folder) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> !f.equals(folder)).toList()) {
                String content = Files.isRegularFile(file)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))
                        : "dir";
                entries.put(folder.relativize(file).toString(), content + "@" + Files.getLastModifiedTime(file));
            }
        }
        return entries;
    }
}
