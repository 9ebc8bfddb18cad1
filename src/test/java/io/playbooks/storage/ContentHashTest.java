package io.playbooks.storage;

import io.playbooks.page.Attachment;
import org.junit.jupiter.api.Test;

import static io.playbooks.storage.StoreFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void theSameContentHashesAlikeWhateverTheVersion() {
        assertThat(ContentHash.of(page("OPS", "1", "Restart", 1, "<p>a</p>")))
                .isEqualTo(ContentHash.of(page("OPS", "1", "Restart", 9, "<p>a</p>")))
                .hasSize(64);
    }

    @Test
    void titleBodyAndAttachmentVersionsChangeTheHash() {
        String base = ContentHash.of(page("OPS", "1", "Restart", 1, "<p>a</p>"));
        assertThat(ContentHash.of(page("OPS", "1", "Restart now", 1, "<p>a</p>"))).isNotEqualTo(base);
        assertThat(ContentHash.of(page("OPS", "1", "Restart", 1, "<p>b</p>"))).isNotEqualTo(base);
        assertThat(ContentHash.of(page("OPS", "1", "Restart", 1, "<p>a</p>",
                new Attachment("a", "x.png", "image/png", 2, null)))).isNotEqualTo(base);
    }

    @Test
    void textMovedBetweenFieldsChangesTheHash() {
        assertThat(ContentHash.of(page("OPS", "1", "ab", 1, "c")))
                .isNotEqualTo(ContentHash.of(page("OPS", "1", "a", 1, "bc")));
    }
}
