package io.playbooks.search;

import io.playbooks.storage.PlaybookSummary;

import java.util.Locale;

/** The space and category a search is limited to; null or blank means any. Compared without regard to case. */
record SearchFilter(String spaceKey, String category) {

    SearchFilter {
        spaceKey = normalised(spaceKey);
        category = normalised(category);
    }

    boolean accepts(PlaybookSummary summary) {
        return (spaceKey == null || spaceKey.equals(normalised(summary.confluenceSpace())))
                && (category == null || category.equals(normalised(summary.category())));
    }

    static String normalised(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
