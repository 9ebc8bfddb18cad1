package io.playbooks.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        try {
            return WRITER.writeValueAsString(playbook);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the playbook as YAML", e);
        }
    }
}
