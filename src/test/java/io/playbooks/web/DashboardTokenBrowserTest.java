package io.playbooks.web;

import io.playbooks.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With an API token set, the dashboard asks for it, refuses a wrong one in words, and keeps the right one per tab. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTokenBrowserTest {

    private static final String TOKEN = "dashboard-s3cret";

    private RunningService service;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        browser = Browser.start();
        service = RunningService.start("dashboard-token", workDir, Map.of("playbooks.api.token", TOKEN));
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
    void aWrongTokenIsRefusedAndTheRightOneOpensTheDashboard() {
        browser.open(service.uri("/").toString());

        WebElement input = browser.waitFor(By.id("token-input"));
        assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("needs an API token (401 Unauthorized)");
        browser.screenshot("20-token-asked");
        input.sendKeys("not-the-token");
        browser.driver().findElement(By.id("token-submit")).click();

        browser.waitForText(By.id("token-error"), "The token was refused");
        assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("refused the token (401 Unauthorized)");
        assertThat(browser.script("return sessionStorage.getItem('confluence-playbooks.api-token')")).isNull();
        browser.screenshot("21-token-refused");

        browser.driver().findElement(By.id("token-input")).sendKeys(TOKEN);
        browser.driver().findElement(By.id("token-submit")).click();
        browser.waitForText(By.cssSelector("#connection-status .status-text"), "not configured");
        browser.waitFor(By.cssSelector(".empty h3"));
        assertThat(browser.script("return sessionStorage.getItem('confluence-playbooks.api-token')")).isEqualTo(TOKEN);
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.driver().findElement(By.id("token-dialog")).isDisplayed()).isFalse();
        browser.screenshot("22-token-accepted");
    }

    @Test
    void aRefusalOfACallSentBeforeTheTokenWasEnteredDoesNotForgetTheToken() {
        browser.open(service.uri("/").toString());

        // a call sent without a token answers 401 after the token was entered (the page's first calls on a slow machine)
        Object outcome = browser.asyncScript("""
                const [entered, done] = arguments;
                import('/ui/js/api.js').then(async (api) => {
                  api.token.clear();
                  const sentWithoutToken = api.get('/playbooks').then(() => 'answered', (e) => e.status);
                  api.token.set(entered);
                  const outcome = [await sentWithoutToken, sessionStorage.getItem('confluence-playbooks.api-token')];
                  api.token.clear();
                  done(outcome);
                }, (e) => done(String(e)));
                """, TOKEN);

        assertThat(outcome).isEqualTo(List.of(401L, TOKEN));
    }

    @Test
    void withoutConfluenceTheSectionsSayWhatIsMissingInWords() {
        browser.open(service.uri("/").toString());
        if (browser.driver().findElement(By.id("token-dialog")).isDisplayed()) {
            browser.driver().findElement(By.id("token-input")).sendKeys(TOKEN);
            browser.driver().findElement(By.id("token-submit")).click();
        }
        browser.open(service.uri("/#/discover").toString());
        browser.waitFor(By.cssSelector("#discover-space")).sendKeys("OPS");
        browser.driver().findElement(By.cssSelector("form button[type='submit']")).click();

        browser.waitForText(By.id("discover-results"), "Discovery failed");
        assertThat(browser.driver().findElement(By.id("discover-results")).getText()).contains("Confluence is not configured");
        browser.screenshot("23-discover-not-configured");

        browser.open(service.uri("/#/sync").toString());
        browser.waitForText(By.cssSelector(".facts"), "not scheduled");
        browser.screenshot("24-sync-not-configured");

        browser.open(service.uri("/#/analytics").toString());
        browser.waitForText(By.cssSelector(".empty h3"), "Nothing to chart yet");
    }
}
