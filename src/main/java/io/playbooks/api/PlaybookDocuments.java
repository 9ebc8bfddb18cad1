package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.playbooks.page.Attachment;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import io.playbooks.storage.PlaybookVersion;
import io.playbooks.storage.VersionKind;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * One playbook as an agent reads it ({@code GET /playbooks/{id}/document}, {@code GET /pages/{page_id}/playbook},
 * MCP {@code get_playbook}): found by id, slug or Confluence page id, at its newest content version or a given
 * one, as YAML, as a list of steps, and with the files its page had then.
 */
public class PlaybookDocuments {

    private static final ObjectMapper YAML = new YAMLMapper();

    private final PlaybookStore store;
    private final PlaybookCatalog catalog;

    public PlaybookDocuments(PlaybookStore store, PlaybookCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * @param idOrSlug the playbook's id or slug, or null when {@code pageId} is given
     * @param pageId   the Confluence page the playbook came from, or null when {@code idOrSlug} is given
     * @param version  a version number of the playbook's history; null or blank for the newest content
     */
    public PlaybookDocument document(String idOrSlug, String pageId, String version) {
        boolean byId = idOrSlug != null && !idOrSlug.isBlank();
        boolean byPage = pageId != null && !pageId.isBlank();
        if (byId == byPage) {
            throw ApiException.badRequest("give either playbook_id (an id or slug) or page_id (a Confluence page id), "
                    + (byId ? "not both" : "one is required"));
        }
        PlaybookSummary summary = byId ? catalog.get(idOrSlug.trim()).summary() : byPage(pageId.trim());
        List<PlaybookVersion> newestFirst = store.versions(summary.playbookId());
        PlaybookVersion shown = version == null || version.isBlank() ? newestContent(summary, newestFirst)
                : numbered(summary, newestFirst, versionNumber(version));
        return new PlaybookDocument(summary, shown.versionNumber(), shown.sourceVersion(), shown.createdAt(),
                shown.yaml(), steps(summary, shown), store.attachments(shown.id()));
    }

    private PlaybookSummary byPage(String pageId) {
        return store.list().stream().filter(p -> pageId.equals(p.confluencePageId())).findFirst()
                .orElseThrow(() -> ApiException.notFound("no playbook is stored for Confluence page " + pageId
                        + ": import it first (import_confluence_playbook or POST /import)"));
    }

    private static PlaybookVersion newestContent(PlaybookSummary summary, List<PlaybookVersion> newestFirst) {
        return newestFirst.stream().filter(v -> v.kind() == VersionKind.CONTENT).findFirst()
                .orElseThrow(() -> ApiException.notFound("playbook " + summary.slug() + " has no content version"));
    }

    private static PlaybookVersion numbered(PlaybookSummary summary, List<PlaybookVersion> versions, int number) {
        PlaybookVersion found = versions.stream().filter(v -> v.versionNumber() == number).findFirst()
                .orElseThrow(() -> ApiException.notFound("playbook " + summary.slug() + " has no version " + number
                        + "; its versions are 1 to " + summary.versionNumber()));
        if (found.kind() != VersionKind.CONTENT) {
            throw ApiException.notFound("version " + number + " of playbook " + summary.slug()
                    + " holds no content: it marks the playbook outdated (" + found.reason() + ")");
        }
        return found;
    }

    private static int versionNumber(String version) {
        try {
            int number = Integer.parseInt(version.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.badRequest("version must be a version number of 1 or more, not '" + version + "'");
    }

    private static JsonNode steps(PlaybookSummary summary, PlaybookVersion version) {
        try {
            return YAML.readTree(version.yaml()).path("steps");
        } catch (IOException e) {
            throw new IllegalStateException("version " + version.versionNumber() + " of playbook " + summary.slug()
                    + " is not readable YAML: " + e.getMessage(), e);
        }
    }

    /** @param attachments the files the page had at this version (metadata; get_playbook_attachment fetches one) */
    public record PlaybookDocument(PlaybookSummary playbook, int version,
                                   @JsonProperty("confluence_version") int confluenceVersion,
                                   @JsonProperty("created_at") Instant createdAt,
                                   String yaml, JsonNode steps, List<Attachment> attachments) {
    }
}
