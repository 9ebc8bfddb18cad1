package io.playbooks.conversion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PastTenseTest {

    private static final Set<String> VERBS = Set.of("seed", "need", "restart", "feed");

    @ParameterizedTest
    @ValueSource(strings = {"stopped", "installed", "ran", "took", "rebuilt", "upgraded", "waited"})
    void whatWasDoneIsInThePastTense(String word) {
        assertThat(PastTense.is(word, VERBS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "need", "restart", "proceed", "expected", "scheduled", "based", "red", "embed", ""})
    void imperativesShortWordsAndParticiplesOfLabelsAreNot(String word) {
        assertThat(PastTense.is(word, VERBS)).isFalse();
    }
}
