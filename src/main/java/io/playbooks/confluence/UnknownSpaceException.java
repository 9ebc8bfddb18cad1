package io.playbooks.confluence;

/** The space key names no space the account can see (so a listing can never pass for "0 pages"). */
public class UnknownSpaceException extends ConfluenceException {

    private final String spaceKey;

    public UnknownSpaceException(String spaceKey, String siteUrl) {
        super("Confluence space '" + spaceKey + "' does not exist at " + siteUrl
                + " or the account cannot see it: check the space key (it is case-sensitive) and the account's"
                + " permissions", 404, null);
        this.spaceKey = spaceKey;
    }

    public String spaceKey() {
        return spaceKey;
    }
}
