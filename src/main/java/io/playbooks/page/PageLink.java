package io.playbooks.page;

import java.util.Locale;

/**
 * A link of a page to another Confluence page ({@code <ri:page>}) or to an attachment ({@code <ri:attachment>}, of
 * the page itself or of another page), as the storage format writes it: by space key and title, never by id.
 *
 * @param kind      what the link points at
 * @param spaceKey  space of the target page; null for the linking page's own space
 * @param pageTitle title of the target page, or of the page holding the attachment; null for the linking page itself
 * @param fileName  the attachment's file name; null for a page link
 */
public record PageLink(Kind kind, String spaceKey, String pageTitle, String fileName) {

    public enum Kind {
        PAGE, ATTACHMENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public static PageLink page(String spaceKey, String title) {
        return new PageLink(Kind.PAGE, blankToNull(spaceKey), title, null);
    }

    public static PageLink attachment(String spaceKey, String pageTitle, String fileName) {
        return new PageLink(Kind.ATTACHMENT, blankToNull(spaceKey), blankToNull(pageTitle), fileName);
    }

    /** True for an attachment of the linking page itself. */
    public boolean ownAttachment() {
        return kind == Kind.ATTACHMENT && pageTitle == null;
    }

    /** The space the target lives in, given the linking page's space. */
    public String spaceOr(String ownSpace) {
        return spaceKey == null ? ownSpace : spaceKey;
    }

    /** How the link reads in a reason: {@code page 'Title'}, {@code attachment 'a.png' of page 'Title'}. */
    public String describe() {
        String page = "page '" + pageTitle + "'" + (spaceKey == null ? "" : " in space " + spaceKey);
        return switch (kind) {
            case PAGE -> page;
            case ATTACHMENT -> "attachment '" + fileName + "'" + (pageTitle == null ? "" : " of " + page);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
