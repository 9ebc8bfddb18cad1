package io.playbooks.confluence;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The connection settings that {@code POST /configure} saved, so that they survive a restart. The token is stored
 * encrypted ({@link TokenCipher}); the file is written whole to a temporary file and then moved into place, so a
 * crash never leaves half a file.
 */
public class SavedConnection {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final TokenCipher cipher;

    public SavedConnection(Path file, TokenCipher cipher) {
        this.file = file;
        this.cipher = cipher;
    }

    /** The settings with the saved connection laid over them, or the settings as they are when nothing was saved. */
    public ConfluenceSettings applyTo(ConfluenceSettings settings) {
        return read().map(saved -> settings.toBuilder()
                .url(saved.url())
                .username(saved.username())
                .apiToken(saved.encryptedToken() == null ? settings.apiToken() : cipher.decrypt(saved.encryptedToken()))
                .spaces(saved.spaces())
                .enabled(saved.enabled())
                .deployment(Deployment.parse(saved.deployment()).orElse(null))
                .build()).orElse(settings);
    }

    public void save(ConfluenceSettings settings) {
        Entry entry = new Entry(settings.url(), settings.username(),
                settings.apiToken().isEmpty() ? null : cipher.encrypt(settings.apiToken()), settings.spaces(),
                settings.enabled(), settings.deployment().map(Deployment::settingName).orElse("auto"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), entry);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the connection settings to " + file, e);
        }
    }

    private Optional<Entry> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Entry.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the saved connection settings in " + file + " cannot be read: "
                    + e.getMessage() + " (fix or delete the file, then configure again)", e);
        }
    }

    record Entry(String url, String username, @JsonProperty("api_token_encrypted") String encryptedToken,
                 List<String> spaces, boolean enabled, String deployment) {
    }
}
