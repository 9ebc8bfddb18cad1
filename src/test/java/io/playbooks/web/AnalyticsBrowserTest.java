package io.playbooks.web;

import io.playbooks.RunningService;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.Database;
import io.playbooks.sync.ImportResult;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics section in a real browser with data behind every chart: playbooks in two spaces, a page that is
 * not a playbook, recorded uses, and today's snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsBrowserTest {

    private static final List<String> CHARTS = List.of("chart-success-over-time", "chart-success", "chart-quality",
            "chart-updates", "chart-effectiveness", "chart-timeline", "chart-spaces", "chart-categories");
    private static final String RUNBOOK = """
            <p>Restart the %s service when it stops answering.</p>
            <ol>
            <li><p>Restart it:</p><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[sudo systemctl restart %s]]></ac:plain-text-body></ac:structured-macro></li>
            <li><p>Check it answers:</p><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[curl -fsS http://localhost:9100/health]]></ac:plain-text-body></ac:structured-macro></li>
            <li><p>Tell the on-call engineer that it is back.</p></li>
            </ol>
            """;

    private RunningService service;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        browser = Browser.start();
        service = RunningService.start("analytics-browser", workDir, Map.of());
        ProducerTemplate producer = service.camel().createProducerTemplate();
        long printer = importPage(producer, "OPS", "1", "Restart the label printer", RUNBOOK.formatted("printer", "printer")).playbookId();
        importPage(producer, "OPS", "2", "Restart the billing worker", RUNBOOK.formatted("billing", "billing-worker"));
        importPage(producer, "OPS", "3", "Offsite notes", "<p>We talked about the roadmap.</p>");
        importPage(producer, "DEV", "4", "Restart the build cache", RUNBOOK.formatted("cache", "build-cache"));
        Database database = service.camel().getRegistry().lookupByNameAndType("database", Database.class);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO playbook_usage (playbook_id, kind, channel, used_at) VALUES (?, ?, 'mcp', ?)")) {
            for (String kind : List.of("fetched", "fetched", "executed")) {
                insert.setLong(1, printer);
                insert.setString(2, kind);
                insert.setObject(3, Instant.now().minusSeconds(600).atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }
        producer.requestBody("direct:analytics-snapshot", (Object) null);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyChartDrawsWithDataAndTheMostUsedTableListsTheUses() {
        browser.consoleErrors();
        browser.open(service.uri("/#/analytics").toString());

        for (String chart : CHARTS) {
            browser.waitFor(By.cssSelector("#" + chart + "[data-drawn='true'] canvas"));
        }
        List<WebElement> used = browser.driver().findElements(By.cssSelector("#most-used tbody tr"));
        assertThat(used).hasSize(1);
        assertThat(used.get(0).getText()).contains("Restart the label printer").contains("OPS").contains("3");
        assertThat(browser.driver().findElement(By.cssSelector(".kpis")).getText())
                .contains("Import success").contains("100%").contains("Concrete steps");
        assertThat(browser.driver().findElement(By.id("effectiveness-definition")).getText()).contains("coverage x quality x use");
        browser.screenshot("20-analytics-over-time");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anotherWindowRedrawsTheSeriesByTheHour() {
        browser.open(service.uri("/#/analytics").toString());
        browser.waitFor(By.cssSelector("#chart-updates[data-drawn='true'] canvas"));

        new Select(browser.driver().findElement(By.id("analytics-window"))).selectByValue("1d");
        browser.waitFor(By.cssSelector("#chart-updates[data-drawn='true'] canvas"));
        Object labels = browser.script("return window.echarts.getInstanceByDom(document.getElementById('chart-updates'))"
                + ".getOption().xAxis[0].data.length");
        assertThat(((Number) labels).intValue()).isBetween(24, 25);
        browser.screenshot("21-analytics-by-hour");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static ImportResult importPage(ProducerTemplate producer, String space, String id, String title, String body) {
        SourcePage page = new SourcePage(id, space, title, List.of("runbook"), 1, body, null, null, List.of());
        return producer.requestBodyAndHeader("direct:import-page", page, "forceUpdate", false, ImportResult.class);
    }
}
