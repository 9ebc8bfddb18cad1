package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.api.ApiException;
import io.playbooks.api.PlaybookCatalog;
import io.playbooks.api.PlaybookDocuments.PlaybookDocument;
import io.playbooks.storage.PlaybookDetail;
import io.playbooks.storage.PlaybookSummary;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Records the use of playbooks, as the routes that serve them see it: a playbook read through the API, MCP or the
 * dashboard ({@code fetched}, or {@code search_opened} when the read says {@code from=search}), and the runs that
 * agents report. A read is never failed by its recording: a failed insert is logged and the read answers.
 */
public class PlaybookUse {

    /** The query parameter (and MCP argument) by which a read says it opens a search hit. */
    public static final String FROM = "from";
    public static final String FROM_SEARCH = "search";
    static final int EXECUTIONS_SHOWN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PlaybookUse.class);

    private final PlaybookCatalog catalog;
    private final UsageLog usage;
    private final ExecutionLog executions;

    public PlaybookUse(PlaybookCatalog catalog, UsageLog usage, ExecutionLog executions) {
        this.catalog = catalog;
        this.usage = usage;
        this.executions = executions;
    }

    /** After {@code direct:playbook}: the body stays the playbook. */
    public void playbookRead(@Body PlaybookDetail playbook, @Header(FROM) String from,
                             @Header(UsageChannel.HEADER) String channel) {
        read(playbook.summary().playbookId(), from, channel);
    }

    /** After {@code direct:playbook-document}: the body stays the document. */
    public void documentRead(@Body PlaybookDocument document, @Header(FROM) String from,
                             @Header(UsageChannel.HEADER) String channel) {
        read(document.playbook().playbookId(), from, channel);
    }

    /** Stores a reported run of the playbook named by id or slug; 404 when there is no such playbook. */
    public Execution report(@Body ExecutionReport report, @Header("id") String idOrSlug,
                            @Header(UsageChannel.HEADER) String channel) {
        if (report == null) {
            throw ApiException.badRequest("the body must be JSON like {\"outcome\": \"success\", \"duration_ms\": 42000, "
                    + "\"notes\": \"...\"}");
        }
        PlaybookSummary playbook = catalog.get(idOrSlug).summary();
        return executions.add(playbook.playbookId(), report, UsageChannel.of(channel));
    }

    /** The reported runs of a playbook, newest first. */
    public ExecutionList executions(@Header("id") String idOrSlug) {
        PlaybookSummary playbook = catalog.get(idOrSlug).summary();
        return new ExecutionList(playbook.playbookId(), playbook.slug(), executions.count(playbook.playbookId()),
                executions.newest(playbook.playbookId(), EXECUTIONS_SHOWN));
    }

    private void read(long playbookId, String from, String channel) {
        UsageKind kind = kindOf(from);
        try {
            usage.record(playbookId, kind, UsageChannel.of(channel));
        } catch (RuntimeException e) {
            LOG.warn("the {} of playbook {} was not recorded: {}", kind.code(), playbookId, e.getMessage());
        }
    }

    private static UsageKind kindOf(String from) {
        if (from == null || from.isBlank()) {
            return UsageKind.FETCHED;
        }
        if (FROM_SEARCH.equalsIgnoreCase(from.trim())) {
            return UsageKind.SEARCH_OPENED;
        }
        throw ApiException.badRequest(FROM + " can only be '" + FROM_SEARCH + "' (the read opens a search hit), not '"
                + from + "'");
    }

    /** Answer of {@code GET /playbooks/{id}/executions}: the newest {@value #EXECUTIONS_SHOWN} of all reported runs. */
    public record ExecutionList(@JsonProperty("playbook_id") long playbookId, String slug,
                                @JsonProperty("total_executions") long total, List<Execution> executions) {
    }
}
