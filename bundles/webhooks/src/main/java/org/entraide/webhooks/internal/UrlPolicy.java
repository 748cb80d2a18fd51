package org.entraide.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.entraide.api.problem.ProblemException;

/**
 * Which URLs a brand may register. The host's addresses are vetted here, when the endpoint is saved, and again by
 * {@link VettingResolver} at every connection of every delivery, so that a DNS change cannot turn an endpoint against
 * the internal network (SSRF, DNS rebinding).
 */
final class UrlPolicy {
    /** Resolves a host name; tests replace DNS with their own answers. */
    interface Names {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /** A host whose last label is a number is an IPv4 address to URL parsers (WHATWG), whatever its spelling. */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i)(.*\\.)?(0x[0-9a-f]*|[0-9]+)\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final boolean allowHttp;
    private final AddressCheck addresses;
    private final Names names;

    UrlPolicy(boolean allowHttp, AddressCheck addresses, Names names) {
        this.allowHttp = allowHttp;
        this.addresses = addresses;
        this.names = names;
    }

    UrlPolicy(boolean allowHttp, AddressCheck addresses) {
        this(allowHttp, addresses, InetAddress::getAllByName);
    }

    /** Checks the URL and every address its host resolves to now, at registration. */
    URI check(String url) {
        URI uri = parse(url);
        String host = host(uri);
        InetAddress[] resolved;
        try {
            resolved = names.lookup(host);
        } catch (UnknownHostException e) {
            throw ProblemException.invalid("url", "unknown host " + host);
        }
        for (InetAddress a : resolved) {
            addresses.refusal(host, a).ifPresent(why -> {
                throw ProblemException.invalid("url", "must not point at a private, local or special-purpose address: " + why);
            });
        }
        return uri;
    }

    /**
     * Checks the URL's form without resolving it: at delivery, the addresses are vetted by {@link VettingResolver}
     * on the very answer that is connected to.
     *
     * @throws ProblemException 400 on the {@code url} field when the URL is not acceptable
     */
    URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw ProblemException.invalid("url", allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw ProblemException.invalid("url", "must name a host, without credentials");
        }
        spelling(host(uri)).ifPresent(problem -> {
            throw ProblemException.invalid("url", problem);
        });
        return uri;
    }

    /** The host without IPv6 brackets, lower case. */
    static String host(URI uri) {
        String h = uri.getHost();
        return (h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h).toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses spellings that parsers read differently: {@code 0177.0.0.1} is 127.0.0.1 to curl and browsers but
     * 177.0.0.1 to Java; {@code 0x7f.1}, {@code 2130706433} and {@code 127.1} are loopback to inet_aton. An IPv4 address
     * must be four decimal numbers without leading zeros; an IPv6 literal must carry no zone.
     */
    static Optional<String> spelling(String host) {
        if (host.contains("%")) {
            return Optional.of("must not carry an IPv6 zone");
        }
        if (!host.contains(":") && NUMERIC_LAST_LABEL.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of("an IPv4 address must be written as four decimal numbers from 0 to 255, without leading zeros");
        }
        return Optional.empty();
    }
}
