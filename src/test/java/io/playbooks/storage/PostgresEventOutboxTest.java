package io.playbooks.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.sql.SQLException;

/** The outbox on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresEventOutboxTest extends EventOutboxContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected Database openDatabase(String name) throws Exception {
        return POSTGRES.open(name);
    }

    @Override
    protected String explainAnalyze() {
        return "EXPLAIN (ANALYZE, FORMAT JSON)";
    }

    @Override
    protected long rowsRead(String explained) throws SQLException {
        try {
            return rowsRead(new ObjectMapper().readTree(explained).get(0).get("Plan"));
        } catch (IOException e) {
            throw new SQLException("EXPLAIN answered no JSON: " + explained, e);
        }
    }

    /** Rows each scan of the plan read: those it returned and those its filters dropped, in all its loops. */
    private static long rowsRead(JsonNode node) {
        long rows = 0;
        if (node.path("Node Type").asText().contains("Scan")) {
            rows = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong()) * node.path("Actual Loops").asLong(1);
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child);
        }
        return rows;
    }
}
