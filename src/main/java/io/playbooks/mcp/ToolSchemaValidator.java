package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks tool arguments and results against the tools' JSON schemas for the MCP SDK. The SDK's own validator
 * needs json-schema-validator 3, which cannot sit beside the 1.5 line the playbook schema check uses, so the SDK
 * gets this one, built on 1.5.
 */
public class ToolSchemaValidator implements JsonSchemaValidator {

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<Map<String, Object>, JsonSchema> schemas = new ConcurrentHashMap<>();

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object instance) {
        try {
            JsonSchema compiled = schemas.computeIfAbsent(schema, s -> factory.getSchema(json.valueToTree(s)));
            JsonNode value = json.valueToTree(instance);
            Set<ValidationMessage> problems = compiled.validate(value);
            if (problems.isEmpty()) {
                return ValidationResponse.asValid(json.writeValueAsString(value));
            }
            return ValidationResponse.asInvalid(problems.stream().map(ValidationMessage::getMessage)
                    .sorted().collect(Collectors.joining("; ")));
        } catch (Exception e) {
            return ValidationResponse.asInvalid("cannot check against the schema: " + e.getMessage());
        }
    }
}
