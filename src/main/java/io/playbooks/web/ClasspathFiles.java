package io.playbooks.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads files under one folder of the class path, by a relative path that cannot leave that folder, with the
 * content type their extension names.
 */
final class ClasspathFiles {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "map", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private final ClassLoader loader;
    private final String root;

    ClasspathFiles(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root.endsWith("/") ? root : root + "/";
    }

    /** The file at {@code relative} below the root, or empty when there is none or the path tries to climb out. */
    Optional<ServedFile> read(String relative) {
        if (!isPlainRelativePath(relative)) {
            return Optional.empty();
        }
        String contentType = contentTypeOf(relative);
        if (contentType == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(root + relative)) {
            return in == null ? Optional.empty() : Optional.of(new ServedFile(in.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + relative + " from the class path", e);
        }
    }

    static boolean isPlainRelativePath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            return false;
        }
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Only known kinds of file are served: a class or properties file next to them stays private. */
    static String contentTypeOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : CONTENT_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    record ServedFile(byte[] content, String contentType) {
    }
}
