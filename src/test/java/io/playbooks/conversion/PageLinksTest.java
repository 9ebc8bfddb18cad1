package io.playbooks.conversion;

import io.playbooks.page.PageLink;
import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The link targets the converter keeps beside a playbook, to find dead links later. */
class PageLinksTest {

    private static final String STEPS = "<ol><li>Restart it: <code>sudo systemctl restart app</code></li>"
            + "<li>Check it: <code>curl http://localhost:8080/health</code></li></ol>";

    private static Conversion convert(String body) {
        return new PageConverter().convert(new SourcePage("42", "OPS", "Restart the app", List.of("runbook"), 3,
                body, null, null, List.of()));
    }

    @Test
    void pageLinksKeepTheirSpaceOrNoneForTheSameSpace() {
        Conversion conversion = convert(STEPS + "<p>See <ac:link><ri:page ri:content-title=\"Rollback\" /></ac:link>"
                + " and <ac:link><ri:page ri:space-key=\"INFRA\" ri:content-title=\"Hosts and ports\" />"
                + "<ac:link-body>hosts</ac:link-body></ac:link>.</p>");

        assertThat(conversion.links()).containsExactly(PageLink.page(null, "Rollback"),
                PageLink.page("INFRA", "Hosts and ports"));
    }

    @Test
    void attachmentsOfThePageItselfAndOfOtherPagesAreLinksToo() {
        Conversion conversion = convert(STEPS + "<p><ac:image><ri:attachment ri:filename=\"flow.png\" /></ac:image>"
                + "<ac:link><ri:attachment ri:filename=\"hosts.csv\"><ri:page ri:space-key=\"INFRA\""
                + " ri:content-title=\"Hosts\" /></ri:attachment></ac:link></p>");

        assertThat(conversion.links()).containsExactly(PageLink.attachment(null, null, "flow.png"),
                PageLink.attachment("INFRA", "Hosts", "hosts.csv"));
        assertThat(conversion.links().get(0).ownAttachment()).isTrue();
    }

    @Test
    void eachTargetOnceAndUsersUrlsAndEmptyTitlesLeftOut() {
        Conversion conversion = convert(STEPS + "<p><ac:link><ri:page ri:content-title=\"Rollback\" /></ac:link>"
                + "<ac:link><ri:page ri:content-title=\"Rollback\" /></ac:link>"
                + "<ac:link><ri:user ri:account-id=\"557058:ops\" /></ac:link>"
                + "<ac:image><ri:url ri:value=\"https://example.com/a.png\" /></ac:image>"
                + "<ac:link><ri:page ri:content-title=\"\" /></ac:link></p>");

        assertThat(conversion.links()).containsExactly(PageLink.page(null, "Rollback"));
    }

    @Test
    void linksDoNotChangeThePlaybook() {
        String withLinks = STEPS.replace("Restart it:", "Restart it (see <ac:link><ri:page ri:content-title=\"Rollback\""
                + " /></ac:link>):");

        Conversion linked = convert(withLinks);

        assertThat(linked.yaml()).doesNotContain("ri:page").contains("Restart it (see Rollback)");
        assertThat(linked.links()).hasSize(1);
    }

    @Test
    void aPageThatIsNoPlaybookKeepsNoLinks() {
        Conversion conversion = new PageConverter().convert(SourcePage.of("7", "OPS", "Weekly notes", List.of(),
                "<p>We talked about <ac:link><ri:page ri:content-title=\"Roadmap\" /></ac:link>.</p>"));

        assertThat(conversion.hasPlaybook()).isFalse();
        assertThat(conversion.links()).isEmpty();
    }
}
