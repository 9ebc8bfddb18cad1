package io.playbooks.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Refuses to serve the API beyond this machine without a token: an open API on a network is an accident. */
public final class ListenGuard {

    private ListenGuard() {
    }

    public static void requireTokenOffLoopback(String host, boolean tokenSet) {
        if (tokenSet || isLoopback(host)) {
            return;
        }
        throw new IllegalStateException("refusing to listen on " + host + " without an API token: set PLAYBOOKS_API_TOKEN,"
                + " or keep PLAYBOOKS_HTTP_HOST on 127.0.0.1");
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(host.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
