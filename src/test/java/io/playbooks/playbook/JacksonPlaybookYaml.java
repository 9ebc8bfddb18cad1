package io.playbooks.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The reference {@link PlaybookYaml} must match: the Jackson YAML mapper writing the records from their
 * annotations, configured as the project wrote playbooks before it drove SnakeYAML's events itself.
 */
public final class JacksonPlaybookYaml {

    private static final ObjectWriter WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build()).writer();

    private JacksonPlaybookYaml() {
    }

    public static String write(Playbook playbook) throws JsonProcessingException {
        return WRITER.writeValueAsString(playbook);
    }
}
