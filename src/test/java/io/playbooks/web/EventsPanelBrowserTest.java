package io.playbooks.web;

import io.playbooks.RunningService;
import io.playbooks.broadcast.PlaybookEvent;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's Events section in a real browser: the log so far, then an event that appears live from the stream;
 * the deliveries to an endpoint that refuses them are given up, and sent again from the dashboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsPanelBrowserTest {

    /** Nothing listens on the discard port of the loopback: every delivery there fails at once. */
    private static final String REFUSING_ENDPOINT = "http://127.0.0.1:9/hook";

    private RunningService service;
    private Browser browser;
    private ProducerTemplate producer;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        browser = Browser.start();
        service = RunningService.start("events-panel-browser", workDir, Map.of(
                "playbooks.broadcast.endpoints", "log:events-panel " + REFUSING_ENDPOINT,
                "playbooks.broadcast.poll-ms", "200",
                "playbooks.broadcast.retry.max-attempts", "1"));
        producer = service.camel().createProducerTemplate();
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
    @Order(1)
    void showsTheLoggedEventsThenANewOneAsItHappens() {
        producer.sendBody("direct:broadcast", event("Restart the shipment API", "restart-the-shipment-api"));

        browser.open(service.uri("/#/events").toString());
        browser.waitForText(By.id("events-rows"), "Playbook created: Restart the shipment API");
        browser.waitUntil(driver -> "live".equals(driver.findElement(By.id("events-stream-state")).getAttribute("data-state")),
                Duration.ofSeconds(60));
        producer.sendBody("direct:broadcast", event("<img src=x onerror=alert(1)> Renew the TLS certificate", "renew-the-tls-certificate"));

        browser.waitForText(By.id("events-rows"), "Playbook created: <img src=x onerror=alert(1)> Renew the TLS certificate");
        browser.waitForText(By.id("event-deliveries"), "log:events-panel");
        browser.screenshot("events-live");

        var rows = browser.driver().findElements(By.cssSelector("#events-rows tr.event-row"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).as("the newest event on top").contains("Renew the TLS certificate", "OPS", "operations");
        assertThat(rows.get(0).findElement(By.tagName("a")).getAttribute("href")).endsWith("#/playbooks/renew-the-tls-certificate");
        assertThat(browser.driver().findElements(By.cssSelector("#events-rows img"))).as("titles stay text").isEmpty();
        assertThat(browser.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
    }

    @Test
    @Order(2)
    void theGivenUpDeliveriesOfAnEndpointAreSentAgainFromTheDashboard() {
        browser.waitUntil(driver -> service.get("/api/v1/confluence/events/deliveries").json().get("dead").asLong() == 2,
                Duration.ofSeconds(60));
        browser.open(service.uri("/#/events").toString());

        WebElement sendAgain = browser.waitFor(By.cssSelector("#event-deliveries button.send-again"));
        assertThat(browser.driver().findElement(By.id("deliveries-table")).getText()).contains("127.0.0.1:9");
        sendAgain.click();

        browser.waitForText(By.id("deliveries-notice"), "2 given-up deliveries to http://127.0.0.1:9/… queued again.");
        browser.screenshot("events-send-again");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static PlaybookEvent event(String name, String slug) {
        return new PlaybookEvent("Playbook created: " + name, "playbook_import", "info", List.of("operations"),
                new PlaybookEvent.Details(name, 1L, slug, "720001", "OPS", null, "operations", 3, "created"));
    }
}
