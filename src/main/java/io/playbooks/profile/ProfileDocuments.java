package io.playbooks.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Reads profile documents, after checking them against {@code profile/detection-profile.schema.json}. */
public final class ProfileDocuments {

    public static final String SCHEMA_RESOURCE = "/profile/detection-profile.schema.json";
    private static final JsonSchema SCHEMA = load();

    private ProfileDocuments() {
    }

    /**
     * The document, or an {@link IllegalArgumentException} naming {@code what} and every field that is wrong
     * (JSON paths such as {@code $.profile.labels.procedure.runbook}).
     */
    public static ProfileDocument read(JsonNode body, String what) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object (a document of GET /profile)");
        }
        List<String> problems = SCHEMA.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " is not a valid detection profile: " + String.join("; ", problems));
        }
        try {
            return ActiveProfile.JSON.treeToValue(body, ProfileDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not a valid detection profile: " + e.getOriginalMessage(), e);
        }
    }

    /** A profile file (the {@code convert --profile FILE} option). */
    public static ProfileDocument read(Path file) {
        try {
            return read(ActiveProfile.JSON.readTree(file.toFile()), file.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonSchema load() {
        try (InputStream schema = ProfileDocuments.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }
}
