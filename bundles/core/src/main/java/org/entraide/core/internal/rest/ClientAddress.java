package org.entraide.core.internal.rest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client address that rate limits count: the remote address of the connection. {@code X-Forwarded-For} is
 * believed only when the connection comes from a configured trusted proxy ({@code client.trusted.proxies}), and
 * then only as far as the last hop that is not one: anyone can write that header.
 */
public final class ClientAddress {
    /** Only IP literals are parsed, so that a header value never triggers a DNS lookup. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private record Range(BigInteger first, BigInteger last, int length) {
        boolean contains(byte[] address) {
            BigInteger v = new BigInteger(1, address);
            return address.length == length && v.compareTo(first) >= 0 && v.compareTo(last) <= 0;
        }
    }

    private volatile List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        update(trustedProxies);
    }

    /** @throws IllegalArgumentException naming the key when an entry is not an IP address or a CIDR range */
    public void update(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(range(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The address to count for a connection from {@code remote} that carried {@code forwardedFor} (or null). */
    public String of(String remote, String forwardedFor) {
        String client = remote == null ? "unknown" : remote;
        if (forwardedFor == null || !isTrusted(client)) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            byte[] bytes = parse(hop);
            if (bytes == null) {
                return client; // a hop we cannot read: trust nothing before it
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = parse(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] base = parse(slash < 0 ? entry : entry.substring(0, slash));
        if (base == null) {
            throw new IllegalArgumentException("client.trusted.proxies: '" + entry + "' is not an IP address or CIDR range");
        }
        int bits = base.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("client.trusted.proxies: '" + entry + "' has an invalid prefix length");
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = new BigInteger(1, base).andNot(hostMask);
        return new Range(first, first.or(hostMask), base.length);
    }

    private static byte[] parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
