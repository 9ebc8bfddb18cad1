package io.playbooks.web;

import io.playbooks.RunningService;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard shows why a playbook is outdated: a badge per reason in the list, the reasons on its page. */
class OutdatedBadgeBrowserTest {

    private static final String API = "/api/v1/confluence";
    private static final String STEPS = "<p>Restart the worker when its queue stalls.</p><ol>"
            + "<li>Restart it: <code>sudo systemctl restart billing-worker</code></li>"
            + "<li>Check the queue: <code>curl http://localhost:9000/queue</code></li></ol>";

    private FakeConfluence site;
    private RunningService service;
    private Browser browser;

    @BeforeEach
    void start(@TempDir Path workDir) throws Exception {
        browser = Browser.start();
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(FakeConfluence.START);
        site.addPage("OPS", "Restart the billing worker", List.of("runbook"),
                STEPS + "<p><ac:link><ri:page ri:content-title=\"Gone\" /></ac:link></p>");
        site.now(Instant.now());
        FakePage deleted = site.addPage("OPS", "Restart the mail worker", List.of("runbook"), STEPS);
        service = ConnectorTestSupport.serviceFor(site, "outdated-badges", workDir, List.of("OPS"),
                Map.of("outdated", Map.of("stale_after_days", 30, "dead_links", true)), Map.of());
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        site.deletePage(deleted.id);
        service.post(API + "/sync", "{}");
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        service.close();
        site.close();
    }

    @Test
    void eachReasonIsABadgeInTheListAndALineOnThePlaybook() {
        browser.open(service.uri("/#/playbooks").toString());

        WebElement stale = browser.waitFor(By.cssSelector("[data-flag='stale']"));
        assertThat(stale.getText()).isEqualTo("stale");
        assertThat(stale.getAttribute("title")).contains("last edited on 2024-05-14");
        assertThat(browser.driver().findElement(By.cssSelector("[data-flag='dead_link']")).getText()).isEqualTo("dead link");
        assertThat(browser.driver().findElement(By.cssSelector("[data-flag='deleted']")).getText()).isEqualTo("deleted");
        browser.screenshot("outdated-badges");

        browser.driver().findElement(By.linkText("Restart the billing worker")).click();
        WebElement reasons = browser.waitFor(By.id("outdated-reasons"));
        assertThat(reasons.findElements(By.cssSelector("li"))).extracting(WebElement::getText).containsExactly(
                "stale: the page was last edited on 2024-05-14, more than 30 days ago (stale_after_days)",
                "dead link: links to a target that no longer exists: page 'Gone'");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
