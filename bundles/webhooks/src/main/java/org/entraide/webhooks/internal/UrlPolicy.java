package org.entraide.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import org.entraide.api.problem.ProblemException;

/**
 * Which URLs a brand may send events to. Addresses are checked when the endpoint is saved and again before every
 * delivery, so that a DNS change cannot turn an endpoint against the internal network (SSRF).
 */
final class UrlPolicy {
    private final boolean allowHttp;
    private final boolean allowPrivate;

    UrlPolicy(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** @throws ProblemException 400 on the {@code url} field when the URL is not acceptable */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw ProblemException.invalid("url", allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw ProblemException.invalid("url", "must name a host, without credentials");
        }
        if (!allowPrivate) {
            try {
                for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || isUniqueLocal(a)) {
                        throw ProblemException.invalid("url", "must not point at a private or local network address");
                    }
                }
            } catch (UnknownHostException e) {
                throw ProblemException.invalid("url", "unknown host " + uri.getHost());
            }
        }
        return uri;
    }

    /** IPv6 unique local addresses (fc00::/7), which isSiteLocalAddress does not cover. */
    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }
}
