package org.entraide.moderation.internal.rules;

import java.util.List;
import java.util.Locale;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The domains a rule lets members link to, and the links of a text outside them. A link is an http(s) URL, a
 * {@code www.} address or a bare {@code domain.tld/path}; its host is read after any user part
 * ({@code https://brand.example@evil.example} goes to evil.example), and it is allowed when it is a listed domain or
 * one of its subdomains ({@code brand.example.evil.example} is not).
 */
public record LinkDomains(List<String> domains) {
    private static final Pattern LINK = Pattern.compile(
        "(?i)\\b(?:https?://|www\\.)[^\\s<>\")]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,24}/[^\\s<>\")]*");
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(
        "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    public LinkDomains {
        domains = List.copyOf(domains);
    }

    static LinkDomains of(List<String> raw) {
        if (raw.size() > 500) {
            throw new IllegalArgumentException("at most 500 allowedDomains");
        }
        List<String> out = raw.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
        for (String d : out) {
            if (!DOMAIN.matcher(d).matches()) {
                throw new IllegalArgumentException("allowedDomains: '" + d + "' is not a domain such as brand.example");
            }
        }
        return new LinkDomains(out);
    }

    boolean isEmpty() {
        return domains.isEmpty();
    }

    /** How many links of the text go elsewhere than the allowed domains. */
    long outside(String text) {
        Matcher m = LINK.matcher(text);
        long n = 0;
        while (m.find()) {
            if (!allowed(host(m.group()))) {
                n++;
            }
        }
        return n;
    }

    private boolean allowed(String host) {
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    static String host(String link) {
        String rest = link.replaceFirst("(?i)^https?://", "");
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int port = authority.indexOf(':');
        String host = (port >= 0 ? authority.substring(0, port) : authority).toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
