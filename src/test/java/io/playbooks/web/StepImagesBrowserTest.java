package io.playbooks.web;

import io.playbooks.RunningService;
import io.playbooks.TestPictures;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step's picture (an attachment of the page) is shown on the playbook's page: fetched through the API with the
 * bearer token, which a plain {@code <img src>} could not send, and drawn under the page's security policy.
 */
class StepImagesBrowserTest {

    private static final String API = "/api/v1/confluence";
    private static final String TOKEN = "images-token";

    private FakeConfluence site;
    private RunningService service;
    private Browser browser;
    private long playbookId;

    @BeforeEach
    void start(@TempDir Path workDir) throws Exception {
        browser = Browser.start();
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        FakePage page = site.addPage("OPS", "Fail over the orders queue", List.of("runbook"),
                "<ol><li>Check the lag on the queue panel:"
                        + "<ac:image ac:alt=\"queue lag panel\"><ri:attachment ri:filename=\"queue lag.png\" /></ac:image></li>"
                        + "<li>Fail over: <code>sudo orders-queue failover --to standby</code></li></ol>");
        site.addAttachment(page.id, "queue lag.png", "image/png", TestPictures.png(40, 30));
        service = ConnectorTestSupport.serviceFor(site, "step-images", workDir, List.of("OPS"),
                Map.of("playbooks.api.token", TOKEN));
        playbookId = service.post(API + "/import", "{\"page_id\": \"" + page.id + "\"}", TOKEN).json()
                .get("playbook_id").asLong();
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        service.close();
        site.close();
    }

    @Test
    void theStepShowsItsPictureAndTheAttachmentIsListed() {
        // the token as the dashboard keeps it once asked for (per tab); the first load's 401s are not this test's
        browser.open(service.uri("/").toString());
        browser.script("sessionStorage.setItem('confluence-playbooks.api-token', arguments[0])", TOKEN);
        browser.consoleErrors();
        browser.open(service.uri("/#/playbooks/" + playbookId).toString());

        WebElement picture = browser.waitFor(By.cssSelector(".step-figure img"));
        long width = browser.waitUntil(driver -> {
            Object natural = browser.script("return arguments[0].complete ? arguments[0].naturalWidth : null", picture);
            return natural instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
        }, Duration.ofSeconds(30));

        assertThat(width).isEqualTo(40);
        assertThat(picture.getAttribute("alt")).isEqualTo("queue lag panel");
        assertThat(picture.getAttribute("src")).startsWith("blob:");
        assertThat(browser.driver().findElement(By.cssSelector(".step-figure figcaption")).getText()).isEqualTo("queue lag panel");
        assertThat(browser.driver().findElements(By.cssSelector(".attachments .attachment-link")))
                .extracting(WebElement::getText).containsExactly("queue lag.png");
        browser.screenshot("step-image");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
