package io.playbooks.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which agent roles an event of a playbook category is meant for, from {@code connectors.confluence.broadcast} of
 * config.json: {@code category_roles} (category to roles) and {@code default_roles} (any other category).
 */
public record TargetRoles(Map<String, List<String>> byCategory, List<String> defaults) {

    static final List<String> BUILT_IN_DEFAULT = List.of("operations");
    private static final String SECTION = "connectors.confluence.broadcast";

    public TargetRoles {
        byCategory = Map.copyOf(byCategory);
        defaults = List.copyOf(defaults);
    }

    public List<String> forCategory(String category) {
        return category == null ? defaults : byCategory.getOrDefault(category, defaults);
    }

    /** The mapping of a config.json; none (every category to {@code operations}) when the file or section is absent. */
    public static TargetRoles load(Path configFile) {
        if (!Files.exists(configFile)) {
            return new TargetRoles(Map.of(), BUILT_IN_DEFAULT);
        }
        JsonNode section;
        try {
            section = new ObjectMapper().readTree(configFile.toFile()).path("connectors").path("confluence").path("broadcast");
        } catch (IOException e) {
            throw new IllegalArgumentException(configFile + " cannot be read as JSON: " + e.getMessage(), e);
        }
        if (section.isMissingNode() || section.isNull()) {
            return new TargetRoles(Map.of(), BUILT_IN_DEFAULT);
        }
        JsonNode categories = section.path("category_roles");
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        if (!categories.isMissingNode()) {
            if (!categories.isObject()) {
                throw invalid(configFile, "category_roles", "an object of category to a list of roles");
            }
            categories.fields().forEachRemaining(entry ->
                    byCategory.put(entry.getKey(), roles(configFile, "category_roles." + entry.getKey(), entry.getValue())));
        }
        JsonNode defaults = section.path("default_roles");
        return new TargetRoles(byCategory, defaults.isMissingNode() ? BUILT_IN_DEFAULT : roles(configFile, "default_roles", defaults));
    }

    private static List<String> roles(Path file, String key, JsonNode node) {
        if (!node.isArray()) {
            throw invalid(file, key, "a list of role names");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : node) {
            if (!role.isTextual() || role.asText().isBlank()) {
                throw invalid(file, key, "a list of role names (non-empty strings)");
            }
            roles.add(role.asText().strip());
        }
        return roles;
    }

    private static IllegalArgumentException invalid(Path file, String key, String expected) {
        return new IllegalArgumentException(file + ": " + SECTION + "." + key + " must be " + expected);
    }
}
