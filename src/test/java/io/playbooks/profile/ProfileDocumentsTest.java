package io.playbooks.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playbooks.conversion.DetectionProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A profile document reads back as written; a wrong one is refused with every wrong field named. */
class ProfileDocumentsTest {

    private static final ProfileDocument BUILT_IN = new ProfileDocument(ProfileDocument.FORMAT,
            ProfileDocument.FORMAT_VERSION, new ProfileDocument.Source("built-in", "test", Instant.EPOCH, null),
            ProfileDocument.Learning.DEFAULT, DetectionProfile.builtIn(Map.of("OPS", "operations")), null);

    private static ObjectNode exported() {
        return ActiveProfile.JSON.valueToTree(BUILT_IN);
    }

    @Test
    void anExportedDocumentReadsBackAsTheSameProfile() {
        ProfileDocument read = ProfileDocuments.read(exported(), "the profile");

        assertThat(read.profile()).isEqualTo(BUILT_IN.profile());
        assertThat(read.learning()).isEqualTo(ProfileDocument.Learning.DEFAULT);
    }

    @Test
    void aProfileExportedBeforeTheLaterSignalsGivesThemTheirBuiltInWeights() {
        ObjectNode document = exported();
        ObjectNode structure = (ObjectNode) document.get("profile").get("structure");
        structure.remove("long_imperative_list");
        structure.remove("past_tense_steps");

        DetectionProfile.StructureWeights read = ProfileDocuments.read(document, "the profile").profile().structure();

        assertThat(read).isEqualTo(BUILT_IN.profile().structure());
        assertThat(read.longImperativeList()).isEqualTo(0.05);
        assertThat(read.pastTenseSteps()).isEqualTo(-0.30);
    }

    @Test
    void learningSettingsLeftOutTakeTheirDefaults() {
        ObjectNode document = exported();
        document.remove("learning");
        document.putObject("learning").put("mode", "apply");

        ProfileDocument.Learning learning = ProfileDocuments.read(document, "the profile").learning();

        assertThat(learning.applied()).isTrue();
        assertThat(learning.minEvidence()).isEqualTo(2);
        assertThat(learning.floor()).isEqualTo(0.25);
    }

    @Test
    void everyWrongFieldIsNamed() {
        ObjectNode document = exported();
        JsonNode profile = document.get("profile");
        ((ObjectNode) profile).put("threshold", 0);
        ((ObjectNode) profile.get("title_words").get("not_a_procedure")).put("meeting", 0.2);
        ((ObjectNode) profile).put("thresold", 0.4);
        document.put("format_version", 2);

        assertThatThrownBy(() -> ProfileDocuments.read(document, "the profile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the profile is not a valid detection profile")
                .hasMessageContaining("$.profile.threshold")
                .hasMessageContaining("$.profile.title_words.not_a_procedure.meeting")
                .hasMessageContaining("thresold")
                .hasMessageContaining("$.format_version");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> ProfileDocuments.read(ActiveProfile.JSON.valueToTree(java.util.List.of()), "PUT body"))
                .hasMessageContaining("PUT body must be a JSON object");
    }
}
