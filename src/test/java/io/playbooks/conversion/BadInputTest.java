package io.playbooks.conversion;

import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad bodies give a playbook or a one-line reason, never an exception. */
class BadInputTest {

    private final PageConverter converter = new PageConverter();

    private Conversion convert(String body) {
        return converter.convert(SourcePage.of("1", "OPS", "Runbook: restart the service", List.of("runbook"), body));
    }

    @Test
    void illFormedBodyIsUnreadableWithTheLineAndWhatIsWrong() {
        Conversion conversion = convert("<h2>Steps</h2>\n<ol><li>Stop it: <code>sudo systemctl stop x</code></ol>");
        assertThat(conversion.unreadable()).isTrue();
        assertThat(conversion.hasPlaybook()).isFalse();
        assertThat(conversion.problems()).singleElement().asString()
                .contains("line 2").contains("</ol>").contains("<li>").doesNotContain("\n");
    }

    @Test
    void truncatedBodyIsUnreadable() {
        assertThat(convert("<ol><li>Stop: <code>sudo systemctl stop x</code></li>").problems())
                .singleElement().asString().contains("<ol> is never closed");
        assertThat(convert("<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[ls").problems())
                .singleElement().asString().contains("CDATA section is never closed");
    }

    @Test
    void strayLessThanAndUnquotedAttributesAreUnreadable() {
        assertThat(convert("<p>if a < b then</p>").unreadable()).isTrue();
        assertThat(convert("<p class=x>text</p>").problems()).singleElement().asString().contains("not quoted");
    }

    @Test
    void emptyBodyIsNotAPlaybookWithAReason() {
        Conversion conversion = convert("");
        assertThat(conversion.unreadable()).isFalse();
        assertThat(conversion.hasPlaybook()).isFalse();
        assertThat(conversion.detection().reasons()).anySatisfy(reason -> assertThat(reason).contains("no steps"));
    }

    @Test
    void detectedPageWithoutStepsGetsAValidationProblemNotAnEmptyPlaybook() {
        SourcePage page = SourcePage.of("2", "OPS", "Runbook: deploy the procedure", List.of("runbook", "how-to"),
                "<p>Ask the on-call engineer.</p>");
        Conversion conversion = new PageConverter().convert(page);
        if (conversion.detection().isPlaybook()) {
            assertThat(conversion.playbook()).isNull();
            assertThat(conversion.problems()).singleElement().asString().contains("no steps");
        } else {
            assertThat(conversion.detection().reasons()).anySatisfy(reason -> assertThat(reason).contains("no steps"));
        }
    }

    @Test
    void fiveMegabytePageConverts() {
        StringBuilder body = new StringBuilder("<h2>Steps</h2><ol>");
        int i = 0;
        while (body.length() < 5_000_000) {
            body.append("<li>Restart node ").append(i++).append(": <code>sudo systemctl restart node-").append(i)
                    .append("</code> and check it <em>twice</em> &amp; log &nbsp;it.</li>");
        }
        body.append("</ol>");
        Conversion conversion = convert(body.toString());
        assertThat(conversion.hasPlaybook()).isTrue();
        assertThat(conversion.playbook().steps()).hasSize(i);
    }

    @Test
    void listsNested500DeepConvertWithoutStackOverflow() {
        String body = "<h2>Steps</h2>" + "<ol><li>Check it: <code>df -h</code>".repeat(500) + "</li></ol>".repeat(500);
        Conversion conversion = convert(body);
        assertThat(conversion.hasPlaybook() || !conversion.problems().isEmpty()).isTrue();
        if (conversion.hasPlaybook()) {
            assertThat(conversion.playbook().steps()).hasSize(1);
        }
    }

    @Test
    void unknownMacrosAreReadAsTheirText() {
        String body = "<h2>Steps</h2><ol><li><ac:structured-macro ac:name=\"shiny-new-macro\"><ac:parameter ac:name=\"x\">y"
                + "</ac:parameter><ac:rich-text-body><p>Drain the node: <code>kubectl drain n1</code></p></ac:rich-text-body>"
                + "</ac:structured-macro></li><li><ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"key\">OPS-1"
                + "</ac:parameter></ac:structured-macro>Close the ticket.</li></ol>";
        Conversion conversion = convert(body);
        assertThat(conversion.hasPlaybook()).isTrue();
        assertThat(conversion.playbook().steps().get(0).args()).containsEntry("command", "kubectl drain n1");
        assertThat(conversion.playbook().steps().get(1).action()).isEqualTo("noop");
    }

    @Test
    void absurdlyDeepNestingIsRefusedWithAReasonInsteadOfOverflowingTheStack() {
        Conversion conversion = convert("<ol><li>" + "<span>".repeat(20_000) + "x" + "</span>".repeat(20_000) + "</li></ol>");
        assertThat(conversion.unreadable()).isTrue();
        assertThat(conversion.problems()).singleElement().asString().contains("nested deeper than 1000");
    }
}
