package io.playbooks.web;

import io.playbooks.RunningService;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard in a real browser against the real service and a fake Confluence Cloud: 30 authored pages, 30
 * generated ones and a page whose title is an HTML injection. The fake answers slowly and three pages at a time, so
 * that a bulk import takes long enough for its progress to be watched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
    private static final String API = "/api/v1/confluence";

    private FakeConfluence site;
    private RunningService service;
    private Browser browser;
    private List<FakePage> authored;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        browser = Browser.start();
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now().minus(Duration.ofDays(3)));
        authored = site.addAuthoredPages("OPS");
        site.now(Instant.now());
        site.addGeneratedPages("OPS", 30);
        site.addPage("OPS", XSS_TITLE, List.of("runbook"), "<p>Restart the worker when its queue stalls.</p><ol>"
                + "<li>Restart it: <code>sudo systemctl restart billing-worker</code></li>"
                + "<li>Check the queue: <code>curl http://localhost:9000/queue</code></li></ol>");
        // 16 listing requests of 300 ms: the import runs for seconds, long enough for several polls of the page on a busy machine
        site.maxLimit(3).latency(Duration.ofMillis(300));
        service = ConnectorTestSupport.serviceFor(site, "dashboard-browser", workDir, List.of("OPS"), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void theDashboardLoadsAndShowsTheConnectionAsConnected() {
        browser.open(url("/"));

        browser.waitForText(By.cssSelector("#connection-status .status-text"), "connected");
        assertThat(browser.waitFor(By.id("page-title")).getText()).isEqualTo("Playbooks");
        browser.waitFor(By.cssSelector(".empty h3"));
        assertThat(browser.driver().findElement(By.cssSelector(".empty h3")).getText()).isEqualTo("No playbooks yet");
        browser.screenshot("01-dashboard-empty");
        assertThat(browser.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
    }

    @Test
    @Order(2)
    void aBulkImportStartedFromTheDashboardShowsItsProgressAndCompletes() {
        browser.open(url("/#/sync"));
        WebElement space = browser.waitFor(By.id("bulk-space"));
        space.clear();
        space.sendKeys("OPS");
        browser.driver().findElement(By.id("bulk-start")).click();

        List<String> seen = new ArrayList<>();
        browser.waitUntil(driver -> {
            // read in one go: the page redraws the progress box at every poll
            String text = (String) browser.script("const counter = document.querySelector("
                    + "\".progress-box[data-running='true'] #bulk-counter\"); return counter ? counter.textContent : null");
            if (text != null) {
                if (!text.startsWith("0 ") && seen.stream().allMatch(earlier -> earlier.startsWith("0 "))) {
                    browser.screenshot("02-bulk-import-running");
                }
                seen.add(text);
            }
            return driver.findElement(By.id("bulk-result")).getText().contains("Done:") ? true : null;
        }, Duration.ofSeconds(90));
        browser.screenshot("03-bulk-import-done");

        assertThat(seen).as("progress while running").allMatch(text -> text.matches("\\d+ (/ \\d+ )?pages( done)?"));
        assertThat(seen.stream().distinct().filter(text -> !text.startsWith("0 ")).count())
                .as("pages counted while the import ran: " + seen).isGreaterThan(1);
        assertThat(browser.driver().findElement(By.id("bulk-result")).getText())
                .contains("Done: 41 imported, 0 unchanged, 0 failed");
        assertThat(browser.driver().findElement(By.cssSelector(".progress-box")).getAttribute("data-running")).isEqualTo("false");
        assertThat(service.get(API + "/playbooks").json().get("total_confluence_playbooks").asInt()).isEqualTo(41);
    }

    @Test
    @Order(3)
    void aPlaybookOpensWithItsStepsCommandsAndHistory() {
        ensureImported();
        FakePage deploy = authored.stream().filter(p -> p.title().equals("Deploy Application")).findFirst().orElseThrow();
        site.editPage(deploy.id, deploy.body().replace("git pull --ff-only origin main", "git pull --ff-only origin release"));
        service.post(API + "/import", "{\"page_id\": \"" + deploy.id + "\"}");

        browser.open(url("/#/playbooks"));
        browser.waitFor(By.id("playbook-search")).sendKeys("Deploy Application");
        browser.waitForText(By.id("playbook-count"), "of 41 playbooks");
        browser.screenshot("04-playbooks-search");
        browser.driver().findElement(By.linkText("Deploy Application")).click();

        browser.waitForText(By.id("playbook-name"), "Deploy Application");
        List<WebElement> steps = browser.driver().findElements(By.cssSelector(".tab-panel .steps > .step"));
        assertThat(steps).hasSize(5);
        assertThat(browser.driver().findElements(By.cssSelector(".tab-panel pre.command code")))
                .extracting(WebElement::getText).anyMatch(command -> command.contains("sudo systemctl restart storefront"));
        assertThat(browser.driver().findElement(By.cssSelector(".tab-panel pre.command")).getCssValue("font-family"))
                .containsIgnoringCase("mono");
        // the value card says why the playbook scores as it does, part by part
        browser.waitForText(By.id("playbook-value-why"), "scores ");
        assertThat(browser.driver().findElements(By.cssSelector("#playbook-value tr[data-component]")))
                .extracting(row -> row.getAttribute("data-component")).containsExactly("use", "outcomes", "freshness", "quality");
        browser.screenshot("05-playbook-steps");

        browser.driver().findElement(By.cssSelector("[data-tab='history']")).click();
        browser.waitFor(By.cssSelector(".diff-line.diff-add"));
        assertThat(browser.driver().findElement(By.cssSelector(".diff")).getText())
                .contains("origin release").contains("origin main");
        new Select(browser.driver().findElement(By.id("diff-from"))).selectByValue("1");
        browser.screenshot("06-playbook-history-diff");

        browser.driver().findElement(By.cssSelector("[data-tab='yaml']")).click();
        assertThat(browser.waitFor(By.cssSelector("pre.yaml")).getText()).contains("name: \"Deploy Application\"");
    }

    @Test
    @Order(3)
    void aStepWarningIsSetApartFromTheStep() {
        ensureImported();
        browser.open(url("/#/playbooks"));
        browser.waitFor(By.id("playbook-search")).sendKeys("drain a Kubernetes worker node");
        browser.waitFor(By.linkText("How to drain a Kubernetes worker node")).click();

        WebElement warning = browser.waitFor(By.cssSelector(".tab-panel .step .warning"));
        assertThat(warning.getText()).startsWith("Warning");
        assertThat(warning.getCssValue("background-color")).isNotEqualTo(
                browser.driver().findElement(By.cssSelector(".tab-panel .step")).getCssValue("background-color"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", warning);
        browser.screenshot("05b-playbook-warning");
    }

    @Test
    @Order(3)
    void whatThePageSaysBeforeItsFirstStepShowsAboveTheSteps() {
        ensureImported();
        browser.open(url("/#/playbooks"));
        browser.waitFor(By.id("playbook-search")).sendKeys("PostgreSQL switchover with Patroni");
        browser.waitFor(By.linkText("PostgreSQL switchover with Patroni")).click();

        WebElement note = browser.waitFor(By.cssSelector(".tab-panel .playbook > .note"));
        assertThat(note.getText()).contains("write outage");
        WebElement firstStep = browser.driver().findElement(By.cssSelector(".tab-panel .steps > .step"));
        assertThat(firstStep.findElements(By.cssSelector(".note"))).isEmpty();
    }

    @Test
    @Order(4)
    void aTitleThatIsHtmlShowsAsTextEverywhere() {
        ensureImported();
        browser.open(url("/#/playbooks"));
        browser.waitFor(By.id("playbook-search")).sendKeys("onerror");

        WebElement link = browser.waitFor(By.linkText(XSS_TITLE));
        assertThat(link.getText()).isEqualTo(XSS_TITLE);
        browser.screenshot("07-xss-title-as-text");
        link.click();
        browser.waitForText(By.id("playbook-name"), XSS_TITLE);
        assertThat(browser.driver().getTitle()).isEqualTo("Playbook · Confluence Playbooks");

        assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(5)
    void discoverListsCandidatesAndPreviewShowsTheConversion() {
        browser.open(url("/#/discover"));
        browser.waitFor(By.cssSelector("#discover-space"));
        browser.driver().findElement(By.cssSelector("form button[type='submit']")).click();

        browser.waitForText(By.id("discover-results"), "candidates in OPS");
        assertThat(browser.driver().findElement(By.id("discover-results")).getText()).contains(XSS_TITLE);
        assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
        browser.screenshot("08-discover");
        browser.driver().findElement(By.xpath("//tr[.//span[text()='Deploy Application']]//button[text()='Preview']")).click();
        browser.waitForText(By.id("preview-title"), "Deploy Application");
        assertThat(browser.driver().findElements(By.cssSelector("#preview .steps > .step"))).hasSize(5);
        browser.screenshot("09-preview");
    }

    @Test
    @Order(6)
    void analyticsDrawsItsCharts() {
        ensureImported();
        browser.consoleErrors();
        browser.open(url("/#/analytics"));

        for (String chart : List.of("chart-timeline", "chart-success", "chart-spaces", "chart-categories")) {
            browser.waitFor(By.cssSelector("#" + chart + "[data-drawn='true'] canvas"));
        }
        assertThat(browser.driver().findElement(By.cssSelector(".kpis")).getText()).contains("41").contains("Playbooks");
        browser.screenshot("10-analytics");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void theConnectionFormTestsTheSettingsAndNeverShowsTheToken() {
        browser.open(url("/#/connection"));
        WebElement token = browser.waitFor(By.id("conn-token"));

        assertThat(token.getAttribute("value")).isEmpty();
        assertThat(token.getAttribute("type")).isEqualTo("password");
        assertThat(browser.driver().getPageSource()).doesNotContain(FakeConfluence.CLOUD_TOKEN);
        browser.driver().findElement(By.id("conn-test")).click();
        browser.waitForText(By.id("conn-result"), "Connected to Confluence Cloud");
        assertThat(browser.driver().findElement(By.id("conn-result")).getText()).contains("OPS (Operations)");
        browser.screenshot("11-connection");

        token.sendKeys("a-wrong-token");
        browser.driver().findElement(By.id("conn-test")).click();
        browser.waitFor(By.cssSelector("#conn-result .error-box"));
        assertThat(browser.driver().findElement(By.id("conn-result")).getText()).contains("The connection test failed");
        browser.screenshot("12-connection-refused");
    }

    @Test
    @Order(8)
    void swaggerUiShowsTheApi() {
        browser.consoleErrors();
        browser.open(url("/api/docs"));

        browser.waitFor(By.cssSelector(".swagger-ui .opblock"));
        assertThat(browser.driver().findElement(By.id("swagger-ui")).getText()).contains("/api/v1/confluence/status");
        browser.screenshot("13-api-docs");
        assertThat(browser.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
    }

    private void ensureImported() {
        if (service.get(API + "/playbooks").json().get("total_confluence_playbooks").asInt() == 0) {
            service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        }
    }

    private String url(String path) {
        return service.uri(path).toString();
    }
}
