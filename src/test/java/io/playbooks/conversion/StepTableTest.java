package io.playbooks.conversion;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tables are step tables: by the row that names their columns, not by a caption above it or a record's columns. */
class StepTableTest {

    private static Element table(String rows) {
        return Jsoup.parse("<table><tbody>" + rows + "</tbody></table>", "", Parser.xmlParser()).selectFirst("table");
    }

    @Test
    void aCaptionRowAboveTheColumnNamesLeavesTheTableAStepTable() {
        Element table = table("<tr><th colspan=\"3\">Per broker, kafka-01 to kafka-05, controller last</th></tr>"
                + "<tr><th>#</th><th>Action</th><th>Command</th></tr>"
                + "<tr><td>1</td><td>Stop the broker</td><td><code>sudo systemctl stop kafka</code></td></tr>");

        assertThat(StepTable.isStepTable(table)).isTrue();
    }

    @Test
    void aTestsExpectedAndActualResultsAreARecordNotSteps() {
        Element table = table("<tr><th>Scenario</th><th>Step</th><th>Expected</th><th>Actual</th><th>Result</th></tr>"
                + "<tr><td>Region loss</td><td>Promote the replica</td><td>under 5 min</td><td>4 min</td><td>PASS</td></tr>");

        assertThat(StepTable.isStepTable(table)).isFalse();
    }

    @Test
    void aColumnNamingStepFunctionsIsNoStepColumn() {
        Element table = table("<tr><th>State machine</th><th>Step Functions type</th><th>Owner</th></tr>"
                + "<tr><td>order-fulfilment</td><td>Standard</td><td>Fulfilment team</td></tr>");

        assertThat(StepTable.isStepTable(table)).isFalse();
    }
}
