package io.playbooks.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.UncheckedIOException;

/**
 * The playbook document as deterministic YAML: keys in the order of the records, quoting left to the library,
 * multi-line strings (commands, snippets) in literal block style.
 */
public final class PlaybookYaml {

    private static final ObjectWriter WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build()).writer();

    private PlaybookYaml() {
    }

    public static String write(Playbook playbook) {
        return write((Object) playbook);
    }

    /** Writes a playbook already turned into a tree (as validated), so that it is serialized only once. */
    public static String write(JsonNode playbook) {
        return write((Object) playbook);
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the playbook as YAML", e);
        }
    }
}
