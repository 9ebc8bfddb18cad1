package io.playbooks.confluence;

import io.playbooks.page.SourcePage;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What differs between Cloud (v2 listings) and Data Center (v1 only). CQL is shared: {@link CqlSearch}. */
interface SiteApi {

    Deployment deployment();

    /** One cheap authenticated call that proves URL and credentials. */
    void ping();

    /** The space, or {@link UnknownSpaceException}. */
    SpaceInfo space(String key);

    /**
     * The pages of the space with bodies, labels and attachment metadata, fetched as the caller iterates; from the
     * start of the listing, or from a {@link PageListing#position()} when {@code from} is not null.
     */
    PageListing pages(SpaceInfo space, URI from);

    Optional<SourcePage> page(String pageId);

    Optional<PageRef> pageRef(String pageId);

    List<PageRef> pageRefs(SpaceInfo space);
}
