package io.playbooks.storage;

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
    protected String explainAnalyze() {
        return "EXPLAIN ANALYZE";
    }

    @Override
    protected long rowsRead(String explained) {
        Matcher scans = SCAN_COUNT.matcher(explained);
        long rows = 0;
        while (scans.find()) {
            rows += Long.parseLong(scans.group(1));
        }
        return rows;
    }
}
