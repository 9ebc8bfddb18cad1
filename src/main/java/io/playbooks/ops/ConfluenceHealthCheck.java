package io.playbooks.ops;

import io.playbooks.confluence.ConfluenceConnection;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness: the configured Confluence site answers with the configured credentials (tested at most once a minute,
 * so that probes do not load the site). Without a Confluence site the service works on its offline folder, so "not
 * configured" is up. Deployments that want to stay ready while Confluence is down exclude it with
 * {@code camel.health.exclude-pattern = confluence}.
 */
public class ConfluenceHealthCheck extends AbstractHealthCheck {

    private final ConfluenceConnection confluence;

    public ConfluenceHealthCheck(ConfluenceConnection confluence) {
        super("playbooks", "confluence");
        this.confluence = confluence;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (!confluence.settings().isConfigured()) {
            builder.detail("confluence", "not configured").up();
            return;
        }
        builder.detail("url", confluence.settings().url());
        ConfluenceConnection.ConnectionCheck check = confluence.check();
        builder.detail("checked_at", check.checkedAt().toString());
        if (check.connected()) {
            builder.up();
        } else {
            builder.message("Confluence does not answer: " + check.error()).down();
        }
    }
}
