package io.playbooks.outdated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How playbooks are judged outdated, from {@code connectors.confluence.outdated} of {@code config/config.json}.
 *
 * @param staleAfterDays a playbook whose page was not edited for this many days is flagged stale; 0 turns it off
 * @param deadLinks      whether the links of pages are checked for pages and attachments that no longer exist
 */
public record OutdatedSettings(int staleAfterDays, boolean deadLinks) {

    public static final int DEFAULT_STALE_AFTER_DAYS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    public OutdatedSettings {
        if (staleAfterDays < 0) {
            throw new IllegalArgumentException("outdated.stale_after_days must be 0 (off) or more, got "
                    + staleAfterDays);
        }
    }

    public static OutdatedSettings defaults() {
        return new OutdatedSettings(DEFAULT_STALE_AFTER_DAYS, true);
    }

    /** Reads the section of the file; a missing file or section gives the defaults, a wrong value an error naming it. */
    public static OutdatedSettings load(Path configFile) {
        if (!Files.exists(configFile)) {
            return defaults();
        }
        JsonNode root;
        try {
            root = JSON.readTree(configFile.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(configFile + " cannot be read as JSON: " + e.getMessage(), e);
        }
        JsonNode confluence = root == null ? null : root.path("connectors").path("confluence");
        if (confluence == null || !confluence.isObject()) {
            confluence = root == null ? null : root.path("confluence");
        }
        JsonNode section = confluence == null ? null : confluence.path("outdated");
        if (section == null || section.isMissingNode() || section.isNull()) {
            return defaults();
        }
        if (!section.isObject()) {
            throw new IllegalArgumentException(configFile + ": outdated must be an object, got " + section);
        }
        JsonNode days = section.path("stale_after_days");
        JsonNode links = section.path("dead_links");
        if (!days.isMissingNode() && !days.canConvertToInt()) {
            throw new IllegalArgumentException(configFile + ": outdated.stale_after_days must be a whole number of"
                    + " days (0 turns it off), got " + days);
        }
        if (!links.isMissingNode() && !links.isBoolean()) {
            throw new IllegalArgumentException(configFile + ": outdated.dead_links must be true or false, got " + links);
        }
        try {
            return new OutdatedSettings(days.isMissingNode() ? DEFAULT_STALE_AFTER_DAYS : days.asInt(),
                    links.isMissingNode() || links.asBoolean());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
        }
    }
}
