package io.playbooks.ops;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Readiness: the playbook database hands out a working connection. Not a liveness check: restarting the service
 * would not bring a database back.
 */
public class DatabaseHealthCheck extends AbstractHealthCheck {

    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        super("playbooks", "database");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_WITHIN_SECONDS)) {
                builder.up();
            } else {
                builder.message("the database connection did not answer within " + VALID_WITHIN_SECONDS + " s").down();
            }
        } catch (SQLException e) {
            builder.message("no database connection: " + e.getMessage()).error(e).down();
        }
    }
}
