package org.entraide.webhooks.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook may never be delivered to: every entry of the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 and its updates), IPv4 multicast, and, for IPv6, everything outside global unicast 2000::/3.
 * The whole registry is refused, even the few globally reachable entries (AS112, AMT, 192.0.0.9/10): no brand's
 * receiver lives there, and a short rule is easier to trust.
 */
final class SpecialAddresses {
    private static final List<Cidr> IPV4 = List.of(
        Cidr.parse("0.0.0.0/8", "this network"),
        Cidr.parse("10.0.0.0/8", "private use"),
        Cidr.parse("100.64.0.0/10", "shared address space, carrier-grade NAT"),
        Cidr.parse("127.0.0.0/8", "loopback"),
        Cidr.parse("169.254.0.0/16", "link local"),
        Cidr.parse("172.16.0.0/12", "private use"),
        Cidr.parse("192.0.0.0/24", "IETF protocol assignments"),
        Cidr.parse("192.0.2.0/24", "documentation"),
        Cidr.parse("192.31.196.0/24", "AS112"),
        Cidr.parse("192.52.193.0/24", "AMT"),
        Cidr.parse("192.88.99.0/24", "6to4 relay anycast"),
        Cidr.parse("192.168.0.0/16", "private use"),
        Cidr.parse("192.175.48.0/24", "AS112 direct delegation"),
        Cidr.parse("198.18.0.0/15", "benchmarking"),
        Cidr.parse("198.51.100.0/24", "documentation"),
        Cidr.parse("203.0.113.0/24", "documentation"),
        Cidr.parse("224.0.0.0/4", "multicast"),
        Cidr.parse("240.0.0.0/4", "reserved"),
        Cidr.parse("255.255.255.255/32", "limited broadcast"));

    /** Only global unicast is deliverable; this excludes ::, ::1, IPv4-mapped and -compatible, NAT64, ULA, link local, multicast. */
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3", "global unicast");

    private static final List<Cidr> IPV6 = List.of(
        Cidr.parse("2001::/23", "IETF protocol assignments, Teredo"),
        Cidr.parse("2001:db8::/32", "documentation"),
        Cidr.parse("2002::/16", "6to4"),
        Cidr.parse("2620:4f:8000::/48", "AS112"),
        Cidr.parse("3fff::/20", "documentation"));

    private static final Cidr NOT_GLOBAL = Cidr.parse("::/0", "outside IPv6 global unicast 2000::/3: loopback, unspecified, "
        + "IPv4-mapped or -compatible, NAT64, unique local, link local, multicast or reserved");

    private SpecialAddresses() {
    }

    /** The special-purpose range holding {@code a}, or empty when it is an ordinary public address. */
    static Optional<Cidr> rangeOf(InetAddress a) {
        if (a instanceof Inet4Address) {
            return IPV4.stream().filter(r -> r.contains(a)).findFirst();
        }
        if (!GLOBAL_UNICAST.contains(a)) {
            return Optional.of(NOT_GLOBAL);
        }
        return IPV6.stream().filter(r -> r.contains(a)).findFirst();
    }
}
