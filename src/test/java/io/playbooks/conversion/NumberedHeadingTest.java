package io.playbooks.conversion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumberedHeadingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1. Stop traffic|Stop traffic", "2) Drain|Drain", "Step 2: Drain node|Drain node",
            "step 3 - Verify|Verify", "STEP 4 Restart|Restart", "  10.  Check the logs |Check the logs",
            "1 – Freeze deploys|Freeze deploys", "2 - Snapshot|Snapshot", "3: Migrate|Migrate",
            "Step 3a - Renew the certificate|Renew the certificate", "Step 3b: Fix the chain|Fix the chain"})
    void numberedHeadingsGiveTheirTitleWithoutTheNumber(String heading, String title) {
        assertThat(NumberedHeading.title(heading)).contains(title);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Overview", "Stepping stones", "Rollback", "2024 review", "1.5 release", "10:30 window",
            "2-3 hours", "", "   "})
    void otherHeadingsAreNotNumberedSteps(String heading) {
        assertThat(NumberedHeading.title(heading)).isEmpty();
    }
}
