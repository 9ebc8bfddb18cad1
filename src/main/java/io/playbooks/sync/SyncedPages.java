package io.playbooks.sync;

import io.playbooks.confluence.ConfluenceClient;
import io.playbooks.confluence.PageRef;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sync saw and did, handed to the outdated checks once its pages are imported.
 *
 * @param clients          the client of each space the run planned (its site's)
 * @param seen             every page the run looked at with the version Confluence reported (changes, listings)
 * @param writtenPageIds   pages whose import stored a new version in this run
 * @param reconciledSpaces spaces whose full listing the run compared with the store (the periodic full check)
 */
public record SyncedPages(Map<String, ConfluenceClient> clients, List<PageRef> seen, Set<String> writtenPageIds,
                          List<String> reconciledSpaces) {

    public SyncedPages {
        clients = Map.copyOf(clients);
        seen = List.copyOf(seen);
        writtenPageIds = Set.copyOf(writtenPageIds);
        reconciledSpaces = List.copyOf(reconciledSpaces);
    }
}
