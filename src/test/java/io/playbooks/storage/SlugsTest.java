package io.playbooks.storage;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void namesBecomeLowerCaseHyphenatedAscii() {
        assertThat(Slugs.of("Deploy Application (v2)")).isEqualTo("deploy-application-v2");
        assertThat(Slugs.of("  Rotate   Vault -- root  ")).isEqualTo("rotate-vault-root");
        assertThat(Slugs.of("Basculement Postgres à chaud")).isEqualTo("basculement-postgres-a-chaud");
    }

    @Test
    void namesWithNothingUsableFallBackToPlaybook() {
        assertThat(Slugs.of("???")).isEqualTo("playbook");
        assertThat(Slugs.of(null)).isEqualTo("playbook");
    }

    @Test
    void longNamesAreCutAtTheLimitWithoutATrailingHyphen() {
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-").startsWith("word-word");
    }

    @Test
    void theFirstFreeSuffixIsTaken() {
        assertThat(Slugs.firstFree("deploy", Set.of())).isEqualTo("deploy");
        assertThat(Slugs.firstFree("deploy", Set.of("deploy", "deploy-2", "deploy-4"))).isEqualTo("deploy-3");
    }
}
