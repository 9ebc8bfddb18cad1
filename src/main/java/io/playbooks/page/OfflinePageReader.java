package io.playbooks.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a page of the offline folder: {@code NAME.xhtml} holds the storage-format body and the optional
 * {@code NAME.meta.json} holds {@code {"title", "space", "labels", "id", "version"}} (plus an optional "url").
 * Without metadata the title comes from the file name, the id is NAME and the space is {@value #DEFAULT_SPACE}.
 */
public class OfflinePageReader {

    public static final String DEFAULT_SPACE = "OFFLINE";
    private static final String BODY_SUFFIX = ".xhtml";
    private static final String META_SUFFIX = ".meta.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IllegalArgumentException naming the file and what is wrong when it cannot be read, is not UTF-8,
     *                                  or its metadata is not the expected JSON
     */
    public SourcePage read(Path xhtml) {
        String fileName = xhtml.getFileName().toString();
        if (!fileName.endsWith(BODY_SUFFIX)) {
            throw new IllegalArgumentException(xhtml + ": an offline page must be named NAME" + BODY_SUFFIX);
        }
        String name = fileName.substring(0, fileName.length() - BODY_SUFFIX.length());
        String body = readUtf8(xhtml);
        Path metaFile = xhtml.resolveSibling(name + META_SUFFIX);
        JsonNode meta = Files.exists(metaFile) ? readMeta(metaFile) : JSON.createObjectNode();
        try {
            return new SourcePage(
                    text(meta, "id", metaFile).orElse(name),
                    text(meta, "space", metaFile).orElse(DEFAULT_SPACE),
                    text(meta, "title", metaFile).orElse(titleFromFileName(name)),
                    labels(meta, metaFile),
                    version(meta, metaFile),
                    body,
                    text(meta, "url", metaFile).orElse(null),
                    Files.getLastModifiedTime(xhtml).toInstant(),
                    List.of());
        } catch (IOException e) {
            throw new IllegalArgumentException(xhtml + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** {@code restart-kafka_brokers} becomes "Restart kafka brokers". */
    static String titleFromFileName(String name) {
        String words = name.replaceAll("[-_]+", " ").strip();
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String readUtf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode readMeta(Path metaFile) {
        JsonNode meta;
        try {
            meta = JSON.readTree(readUtf8(metaFile));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(metaFile + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (meta == null || !meta.isObject()) {
            throw new IllegalArgumentException(metaFile + ": must hold a JSON object {\"title\", \"space\", \"labels\", \"id\", \"version\"}");
        }
        return meta;
    }

    private static Optional<String> text(JsonNode meta, String key, Path metaFile) {
        JsonNode value = meta.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(metaFile + ": \"" + key + "\" must be a string, not " + value.getNodeType());
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static int version(JsonNode meta, Path metaFile) {
        JsonNode value = meta.get("version");
        if (value == null || value.isNull()) {
            return 1;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new IllegalArgumentException(metaFile + ": \"version\" must be a whole number of at least 1, not " + value);
        }
        return value.asInt();
    }

    private static List<String> labels(JsonNode meta, Path metaFile) {
        JsonNode value = meta.get("labels");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(metaFile + ": \"labels\" must be an array of strings");
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : value) {
            if (!label.isTextual()) {
                throw new IllegalArgumentException(metaFile + ": \"labels\" must be an array of strings, found " + label);
            }
            labels.add(label.asText().strip().toLowerCase(Locale.ROOT));
        }
        return labels;
    }
}
