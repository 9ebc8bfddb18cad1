package io.playbooks.confluence;

import io.playbooks.page.SourcePage;

import java.util.Iterator;

/**
 * The pages of a space, fetched one listing answer at a time (the next while the caller works through the current
 * one), that can say where it stands: the listing call whose answer held the last page returned. A listing started
 * again from that position ({@link ConfluenceClient#pages(String, String)}) yields that answer's pages and all after
 * it.
 */
public interface PageListing extends Iterator<SourcePage> {

    /** The URL of the listing call whose answer held the last page returned; null before the first page. */
    String position();
}
