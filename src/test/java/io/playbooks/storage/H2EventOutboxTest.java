package io.playbooks.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outbox on embedded H2, the default database: a database of its own per test. */
class H2EventOutboxTest extends EventOutboxContract {

    /** EXPLAIN ANALYZE notes how many rows each table's cursor read. */
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Override
    protected Database openDatabase(String name) {
        return Database.open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "");
    }

    @Override
    protected long rowsRead(Connection connection, String query, Object... parameters) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + query)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                Matcher scans = SCAN_COUNT.matcher(plan.getString(1));
                long rows = 0;
                while (scans.find()) {
                    rows += Long.parseLong(scans.group(1));
                }
                return rows;
            }
        }
    }
}
