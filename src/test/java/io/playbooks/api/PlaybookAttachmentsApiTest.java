package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.TestPictures;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /playbooks/{id}/attachments/{file_name}}: the files of a playbook's page, fetched from a fake Confluence
 * Cloud when asked for, with their media type; bad names, files above the size limit and Confluence failures are
 * clear JSON errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybookAttachmentsApiTest {

    private static final String API = "/api/v1/confluence";
    private static final String ODD_NAME = "'notes', v2 (final) #1.txt";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeConfluence site;
    private RunningService service;
    private byte[] png;
    private long playbookId;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        FakePage page = site.addPage("OPS", "Rotate the API gateway certificate", List.of("runbook"),
                "<p>Rotate the certificate before it expires.</p><ol><li>Open the dashboard shown here:"
                        + "<ac:image ac:alt=\"gateway dashboard\"><ri:attachment ri:filename=\"gateway dashboard.png\" /></ac:image></li>"
                        + "<li>Reload: <code>sudo systemctl reload gateway</code></li></ol>");
        png = TestPictures.png(4, 3);
        site.addAttachment(page.id, "gateway dashboard.png", "image/png", png);
        site.addAttachment(page.id, ODD_NAME, "text/plain", "rotated on 2026-11-02\n".getBytes(StandardCharsets.UTF_8));
        site.addAttachment(page.id, "report.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        site.addAttachment(page.id, "capture.pcap", "application/octet-stream", new byte[2 * 1024 * 1024]);
        service = ConnectorTestSupport.serviceFor(site, "attachments-api", workDir, List.of("OPS"),
                Map.of("playbooks.attachments.max-mb", "1"));
        playbookId = service.post(API + "/import", "{\"page_id\": \"" + page.id + "\"}").json().get("playbook_id").asLong();
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
        site.close();
    }

    @Test
    void anImageComesBackByteForByteWithItsMediaTypeShownInline() throws Exception {
        HttpResponse<byte[]> answer = get(playbookId, "gateway dashboard.png");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(png);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename*=UTF-8''gateway%20dashboard.png");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("ETag")).get().asString().matches("\"att\\d+-1\"");
    }

    @Test
    void aFileNameWithCommasParenthesesAndAHashIsFound() throws Exception {
        HttpResponse<byte[]> answer = get(playbookId, ODD_NAME);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("rotated on 2026-11-02\n");
    }

    @Test
    void anHtmlFileIsADownloadNotAPageOfTheService() throws Exception {
        HttpResponse<byte[]> answer = get(playbookId, "report.html");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void theFilesOfTheNewestVersionAreListedWithTheDocument() {
        JsonNode document = service.get(API + "/playbooks/" + playbookId + "/document").json();

        assertThat(document.get("attachments").findValuesAsText("file_name"))
                .containsExactlyInAnyOrder("gateway dashboard.png", ODD_NAME, "report.html", "capture.pcap");
        assertThat(document.get("steps").get(0).get("images").get(0).get("filename").asText())
                .isEqualTo("gateway dashboard.png");
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithItsConfluenceLinkAndFetchedOnce() throws Exception {
        HttpResponse<byte[]> answer = get(playbookId, "capture.pcap");

        JsonNode error = json(answer);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(error.get("error").asText()).contains("capture.pcap", "larger than the 1 MB",
                "playbooks.attachments.max-mb", "/download/attachments/");
        assertThat(site.requestCount("capture.pcap")).isEqualTo(1);
    }

    @Test
    void anUnknownNameIsA404ThatListsTheFiles() throws Exception {
        HttpResponse<byte[]> answer = get(playbookId, "missing.png");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).get("error").asText()).contains("no attachment named 'missing.png'", "gateway dashboard.png",
                ODD_NAME);
        assertThat(get(999_999, "x.png").statusCode()).isEqualTo(404);
    }

    @Test
    void confluenceFailingIsA502() throws Exception {
        site.failNext("report.html", 3, 500, Map.of());
        try {
            HttpResponse<byte[]> answer = get(playbookId, "report.html");

            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(json(answer).get("error").asText()).contains("500", "report.html");
        } finally {
            site.resetFaults();
        }
    }

    private HttpResponse<byte[]> get(long id, String fileName) throws IOException, InterruptedException {
        String path = API + "/playbooks/" + id + "/attachments/"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return http.send(HttpRequest.newBuilder(service.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> answer) {
        return new RunningService.Reply(answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8), Map.of()).json();
    }
}
