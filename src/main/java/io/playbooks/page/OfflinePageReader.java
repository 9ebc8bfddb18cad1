package io.playbooks.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads pages of the offline folder format: {@code NAME.xhtml} holds a body in storage format (UTF-8, strictly
 * decoded), the optional {@code NAME.meta.json} holds {@code {"title", "space", "labels", "id", "version"}}.
 * Without meta the title comes from the file name ("deploy-app" reads "deploy app") and the id is the name.
 */
public final class OfflinePageReader {

    public static final String PAGE_SUFFIX = ".xhtml";
    public static final String META_SUFFIX = ".meta.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The page files ({@code *.xhtml}) of a folder, sorted by name. */
    public List<Path> pageFiles(Path folder) throws UnreadablePageException {
        if (!Files.isDirectory(folder)) {
            throw new UnreadablePageException(folder + ": not a folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(PAGE_SUFFIX) && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UnreadablePageException(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    /** The page of {@code NAME.xhtml}, with the metadata of {@code NAME.meta.json} beside it when present. */
    public SourcePage read(Path pageFile) throws UnreadablePageException {
        String body = decodeUtf8(pageFile, readBytes(pageFile));
        String name = pageName(pageFile);
        Path metaFile = pageFile.resolveSibling(name + META_SUFFIX);
        JsonNode meta = Files.isRegularFile(metaFile) ? readMeta(metaFile) : JSON.createObjectNode();
        String title = text(meta, "title", name.replace('-', ' ').replace('_', ' '));
        String id = text(meta, "id", name);
        String space = text(meta, "space", null);
        int version = meta.path("version").canConvertToInt() ? Math.max(1, meta.path("version").asInt()) : 1;
        return new SourcePage(id, space, title, labels(meta.path("labels")), version, body, null, null, List.of());
    }

    /** NAME of NAME.xhtml. */
    public static String pageName(Path pageFile) {
        String file = pageFile.getFileName().toString();
        return file.endsWith(PAGE_SUFFIX) ? file.substring(0, file.length() - PAGE_SUFFIX.length()) : file;
    }

    private static byte[] readBytes(Path file) throws UnreadablePageException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadablePageException(file + ": cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Decodes strictly: a byte sequence that is not UTF-8 is an error naming its offset, never a silent U+FFFD. */
    static String decodeUtf8(Path file, byte[] bytes) throws UnreadablePageException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UnreadablePageException(String.format(Locale.ROOT,
                    "%s: not valid UTF-8 (byte 0x%02X at offset %d); save the page as UTF-8",
                    file, bytes[in.position()] & 0xff, in.position()));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static JsonNode readMeta(Path metaFile) throws UnreadablePageException {
        try {
            JsonNode meta = JSON.readTree(decodeUtf8(metaFile, readBytes(metaFile)));
            if (meta == null || !meta.isObject()) {
                throw new UnreadablePageException(metaFile + ": not a JSON object");
            }
            return meta;
        } catch (JsonProcessingException e) {
            throw new UnreadablePageException(metaFile + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String text(JsonNode meta, String field, String fallback) {
        JsonNode value = meta.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    /** Labels as a JSON array or a comma-separated string, lower case. */
    private static List<String> labels(JsonNode labels) {
        List<String> result = new ArrayList<>();
        if (labels.isArray()) {
            labels.forEach(label -> addLabel(result, label.asText()));
        } else if (labels.isTextual()) {
            for (String label : labels.asText().split(",")) {
                addLabel(result, label);
            }
        }
        return result;
    }

    private static void addLabel(List<String> labels, String label) {
        String trimmed = label.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty()) {
            labels.add(trimmed);
        }
    }
}
