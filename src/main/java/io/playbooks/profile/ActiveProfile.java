package io.playbooks.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.playbooks.api.ApiException;
import io.playbooks.conversion.DetectionProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The profile in force: the built-in one (with config.json's space-to-category mapping) until a profile is imported,
 * then the imported one, saved under {@code data/} so that it survives a restart. Conversion asks it for every page,
 * so an import applies to the next page converted. The learned threshold is computed at start, on every import and
 * export, and after every page admitted by hand.
 */
public class ActiveProfile implements Supplier<DetectionProfile> {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final LearnedThreshold learner;
    private final Clock clock;
    private final String instance;

    private volatile ProfileDocument document;
    private volatile DetectionProfile inForce;

    /**
     * @param file            where an imported profile is kept ({@code data/detection-profile.json})
     * @param configMapping   config.json's space-to-category mapping, part of the built-in profile
     * @param instance        this instance's name, written into the source of the profiles it exports
     */
    public ActiveProfile(Path file, Map<String, String> configMapping, LearnedThreshold learner, Clock clock,
                         String instance) {
        this.file = file;
        this.learner = learner;
        this.clock = clock;
        this.instance = instance;
        this.document = Files.exists(file) ? saved(file) : new ProfileDocument(ProfileDocument.FORMAT,
                ProfileDocument.FORMAT_VERSION, new ProfileDocument.Source("built-in", instance, clock.instant(), null),
                ProfileDocument.Learning.DEFAULT, DetectionProfile.builtIn(configMapping), null);
        this.inForce = document.profile();
    }

    /** The profile conversion uses now: the document's, with the learned threshold when it is applied. */
    @Override
    public DetectionProfile get() {
        return inForce;
    }

    /** The profile as one document, with what the evidence suggests now. */
    public synchronized ProfileDocument export() {
        relearn();
        return document;
    }

    /**
     * Validates a document, saves it and uses it; an invalid one changes nothing and the error names the field. The
     * document's own source is kept as where it came from.
     */
    public synchronized ProfileDocument importDocument(JsonNode body) {
        ProfileDocument incoming;
        try {
            incoming = ProfileDocuments.read(body, "the profile");
        } catch (IllegalArgumentException invalid) {
            throw ApiException.badRequest(invalid.getMessage());
        }
        ProfileDocument accepted = new ProfileDocument(ProfileDocument.FORMAT, ProfileDocument.FORMAT_VERSION,
                new ProfileDocument.Source("imported", instance, clock.instant(), body.get("source")),
                incoming.learning(), incoming.profile(), null);
        save(accepted);
        document = accepted;
        return export();
    }

    /** Computes the learned threshold again and puts it in force when the profile says {@code apply}. */
    public synchronized void relearn() {
        ProfileDocument current = document;
        if (!current.learning().computed()) {
            document = current.withLearned(null);
            inForce = current.profile();
            return;
        }
        LearnedThreshold.Learned learned = learner.learn(current.profile().threshold(), current.learning());
        document = current.withLearned(learned);
        inForce = current.profile().withThreshold(learned.thresholdInForce());
    }

    private void save(ProfileDocument accepted) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), accepted);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the profile to " + file, e);
        }
    }

    private static ProfileDocument saved(Path file) {
        try {
            return ProfileDocuments.read(JSON.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " (the imported detection profile) cannot be read: "
                    + e.getMessage() + "; fix or delete it to start with the built-in profile", e);
        }
    }
}
