package io.playbooks.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line of each imported page: INFO for a version written and for a page that is not a playbook (so that
 * a newcomer sees why a sample was left out), WARN for a failure, DEBUG for an unchanged page. Written here rather
 * than by the route's log steps, which evaluated three expressions and a message template per page.
 */
public class ImportLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.playbooks.import");

    public ImportResult log(ImportResult result) {
        switch (result.outcome()) {
            case CREATED, UPDATED -> LOG.info("{} playbook {} from page {} ({}), {} steps", result.outcome(),
                    result.slug(), result.pageId(), result.title(), result.stepCount());
            case FAILED -> LOG.warn("page {} ({}) not imported: {}", result.pageId(), result.title(), result.reasons());
            case NOT_PLAYBOOK -> LOG.info("Not a playbook: page {} ({}), score {}: {}", result.pageId(), result.title(),
                    result.score(), result.reasons());
            default -> LOG.debug("page {} ({}): {}", result.pageId(), result.title(), result.outcome());
        }
        return result;
    }
}
