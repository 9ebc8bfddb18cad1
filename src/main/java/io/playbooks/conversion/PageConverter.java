package io.playbooks.conversion;

import io.playbooks.page.SourcePage;

/** Detects whether a page is a playbook and, when it is, converts its storage-format body into one. */
public class PageConverter {

    public PageConverter(java.util.Map<String, String> categoryBySpace) {
    }

    public Conversion convert(SourcePage page) {
        // placeholder until the converter lands: detects nothing
        return new Conversion(page, new Detection(false, 0, java.util.List.of("converter not built yet")), null, null,
                java.util.List.of("converter not built yet"));
    }
}
