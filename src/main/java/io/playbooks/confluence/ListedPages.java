package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.page.SourcePage;

import java.net.URI;
import java.util.function.Function;

/** A listing of page JSON read as {@link SourcePage}s, keeping the listing's position. */
final class ListedPages implements PageListing {

    private final PagedResults listing;
    private final Function<JsonNode, SourcePage> page;

    ListedPages(PagedResults listing, Function<JsonNode, SourcePage> page) {
        this.listing = listing;
        this.page = page;
    }

    @Override
    public boolean hasNext() {
        return listing.hasNext();
    }

    @Override
    public SourcePage next() {
        return page.apply(listing.next());
    }

    @Override
    public String position() {
        URI at = listing.position();
        return at == null ? null : at.toString();
    }
}
