package io.playbooks.page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a page of the offline folder for import: the page as {@link OfflinePageReader} reads it, placed in space
 * {@value #DEFAULT_SPACE} when its metadata names none (a stored playbook is keyed by space and page id), and
 * dated by the file's last-modified time.
 */
public class OfflinePageLoader {

    public static final String DEFAULT_SPACE = "OFFLINE";

    private final OfflinePageReader reader = new OfflinePageReader();

    /**
     * What tells an edit of a page apart: the names and last-modified times of {@code NAME.xhtml} and, when present,
     * {@code NAME.meta.json}, so that editing either file imports the page again. (A File: the file consumer
     * evaluates its idempotent key on the plain file.)
     */
    public String fingerprint(File file) throws IOException {
        Path pageFile = file.toPath();
        Path metaFile = pageFile.resolveSibling(OfflinePageReader.pageName(pageFile) + OfflinePageReader.META_SUFFIX);
        String page = pageFile.getFileName() + "@" + Files.getLastModifiedTime(pageFile).toMillis();
        return Files.isRegularFile(metaFile)
                ? page + "+" + metaFile.getFileName() + "@" + Files.getLastModifiedTime(metaFile).toMillis()
                : page;
    }

    public SourcePage load(Path pageFile) throws UnreadablePageException {
        SourcePage page = reader.read(pageFile);
        String space = page.spaceKey() == null || page.spaceKey().isBlank() ? DEFAULT_SPACE : page.spaceKey();
        try {
            return new SourcePage(page.id(), space, page.title(), page.labels(), page.version(), page.storageBody(),
                    page.webUrl(), Files.getLastModifiedTime(pageFile).toInstant(), page.attachments());
        } catch (IOException e) {
            throw new UnreadablePageException(pageFile + ": cannot read its last-modified time (" + e.getMessage() + ")", e);
        }
    }
}
