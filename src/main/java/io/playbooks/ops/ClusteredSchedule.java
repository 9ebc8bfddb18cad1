package io.playbooks.ops;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Several instances on one PostgreSQL database: Quartz keeps the schedule in the playbook database (the tables of
 * {@code db/vendor/postgresql/V3__quartz.sql}) as one clustered scheduler, so that each tick of the sync runs on
 * exactly one instance and another takes over when one dies. Every instance must have the same
 * {@code camel.main.name} (the scheduler's name and the CamelContext the jobs look up).
 */
public final class ClusteredSchedule {

    private static final String DATA_SOURCE = "playbooks";
    private static final Duration CHECKIN_INTERVAL = Duration.ofSeconds(5);
    private static final Duration LONGEST_MISFIRE_THRESHOLD = Duration.ofMinutes(1);

    private ClusteredSchedule() {
    }

    /**
     * Points the Quartz component at the playbook database before the routes start.
     *
     * @param syncInterval the interval of the sync; a tick later than half of it (at most a minute) is a misfire,
     *                     which the trigger skips instead of firing late, so a takeover never fires a burst
     * @throws IllegalArgumentException when the database is not PostgreSQL
     */
    public static void configure(QuartzComponent quartz, DataSource dataSource, String dbUrl, Duration syncInterval) {
        if (dbUrl == null || !dbUrl.strip().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("playbooks.cluster.enabled needs a PostgreSQL database shared by every "
                    + "instance, but playbooks.db.url (PLAYBOOKS_DB_URL) is " + product(dbUrl) + ", not jdbc:postgresql:");
        }
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new PoolConnections(dataSource));
        Duration halfInterval = syncInterval.dividedBy(2);
        Duration misfireThreshold = halfInterval.compareTo(LONGEST_MISFIRE_THRESHOLD) < 0 ? halfInterval
                : LONGEST_MISFIRE_THRESHOLD;
        Map<String, Object> properties = new HashMap<>();
        properties.put("org.quartz.scheduler.instanceName", "playbooks");
        properties.put("org.quartz.scheduler.instanceId", "AUTO");
        properties.put("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.put("org.quartz.threadPool.threadCount", "2");
        properties.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.put("org.quartz.jobStore.dataSource", DATA_SOURCE);
        properties.put("org.quartz.jobStore.isClustered", "true");
        properties.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CHECKIN_INTERVAL.toMillis()));
        properties.put("org.quartz.jobStore.misfireThreshold", String.valueOf(Math.max(1, misfireThreshold.toMillis())));
        quartz.setProperties(properties);
    }

    /** The JDBC product of a URL (jdbc:h2), never its host, path or credentials. */
    private static String product(String dbUrl) {
        if (dbUrl == null || dbUrl.isBlank()) {
            return "empty";
        }
        String[] parts = dbUrl.strip().split(":", 3);
        return parts.length < 2 ? "not a JDBC URL" : parts[0] + ":" + parts[1];
    }

    /** Quartz borrows connections of the playbook pool; the pool belongs to the service, so shutdown keeps it open. */
    private record PoolConnections(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the service closes the pool when Camel stops
        }

        @Override
        public void initialize() {
            // the pool is open already
        }
    }
}
