package io.playbooks.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.playbook.Step;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 13: counts the step mix of the content versions stored before the store counted it with each version
 * (until then the analytics counted the versions not counted yet at every report and snapshot, reading the JSON of
 * every stored version each time). One pass in id order, a batch at a time, reading each version's stored JSON.
 */
final class StepMixBackfill implements JavaMigration {

    private static final int BATCH = 500;
    private static final String UNCOUNTED_AFTER = """
            SELECT v.id, v.playbook_json FROM playbook_versions v
              LEFT JOIN version_step_quality q ON q.version_id = v.id
             WHERE v.kind = 'content' AND q.version_id IS NULL AND v.id > ?
             ORDER BY v.id LIMIT ?
            """;

    /**
     * An instance of an earlier release on the same database (a cluster being upgraded) may count a version at the
     * same moment, as its analytics did: the row it wrote stands.
     */
    private static final String INSERT_IF_UNCOUNTED = """
            INSERT INTO version_step_quality (version_id, steps, concrete_steps, noop_steps)
            SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM version_step_quality WHERE version_id = ?)
            """;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "count the steps of the versions stored before";
    }

    /** No checksum: the pass is in code, and rerunning it would find nothing to count. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long after = 0;
        int counted;
        do {
            List<Long> ids = new ArrayList<>();
            List<StepMix> mixes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(UNCOUNTED_AFTER)) {
                select.setLong(1, after);
                select.setInt(2, BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        mixes.add(ofJson(rows.getString(2)));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_UNCOUNTED)) {
                for (int i = 0; i < ids.size(); i++) {
                    insert.setLong(1, ids.get(i));
                    insert.setInt(2, mixes.get(i).steps());
                    insert.setInt(3, mixes.get(i).concrete());
                    insert.setInt(4, mixes.get(i).noop());
                    insert.setLong(5, ids.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            counted = ids.size();
            after = counted == 0 ? after : ids.get(counted - 1);
        } while (counted == BATCH);
    }

    /**
     * The mix of a stored playbook JSON, by the rules of {@link StepMix#of}; an absent or unreadable one has no steps
     * (it is counted once, as nothing).
     */
    StepMix ofJson(String playbookJson) {
        if (playbookJson == null || playbookJson.isBlank()) {
            return new StepMix(0, 0, 0);
        }
        try {
            int[] counts = new int[3];
            count(json.readTree(playbookJson).path("steps"), counts);
            return new StepMix(counts[0], counts[1], counts[2]);
        } catch (JsonProcessingException e) {
            return new StepMix(0, 0, 0);
        }
    }

    private static void count(JsonNode steps, int[] counts) {
        for (JsonNode step : steps) {
            counts[0]++;
            if (isConcrete(step)) {
                counts[1]++;
            } else if (Step.NOOP.equals(step.path("action").asText())) {
                counts[2]++;
            }
            count(step.path("substeps"), counts);
        }
    }

    private static boolean isConcrete(JsonNode step) {
        JsonNode args = step.path("args");
        return switch (step.path("action").asText()) {
            case Step.SHELL -> filled(args.path("command"));
            case Step.HTTP_REQUEST -> filled(args.path("url"));
            default -> false;
        };
    }

    /** As {@link StepMix#of}: a text that is not blank (a JSON null, number or object is no command). */
    private static boolean filled(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank();
    }
}
