package io.playbooks.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates playbook documents against {@code playbook.schema.json} (JSON Schema 2020-12), shipped in the jar. */
public final class PlaybookSchema {

    public static final String RESOURCE = "/playbook.schema.json";
    private static final JsonSchema SCHEMA = load();

    private PlaybookSchema() {
    }

    /** @return one readable problem per violation, empty when the document is valid */
    public static List<String> problems(JsonNode playbook) {
        return SCHEMA.validate(playbook).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream schema = PlaybookSchema.class.getResourceAsStream(RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
