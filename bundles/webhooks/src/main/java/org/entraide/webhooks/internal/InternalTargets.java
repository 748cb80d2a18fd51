package org.entraide.webhooks.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instance's allowlist ({@code allowed.internal.targets}) for deployments that deliver inside their own network:
 * host names, addresses and CIDR ranges that may be reached although they are special-purpose. Empty by default.
 */
public record InternalTargets(Set<String> hosts, List<Cidr> ranges) {
    public static final InternalTargets NONE = new InternalTargets(Set.of(), List.of());

    /** Reads a comma-separated list; an invalid entry names the key. */
    public static InternalTargets parse(String list) {
        Set<String> hosts = new TreeSet<>();
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/") || e.contains(":") || e.matches("[0-9.]+")) {
                try {
                    ranges.add(Cidr.parse(e, "allowed.internal.targets"));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("allowed.internal.targets: " + ex.getMessage());
                }
            } else if (e.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                hosts.add(e);
            } else {
                throw new IllegalArgumentException("allowed.internal.targets: not a host name, address or range: " + entry.trim());
            }
        }
        return new InternalTargets(Set.copyOf(hosts), List.copyOf(ranges));
    }

    /** Whether the operator allowed this host name, or this address it resolved to. */
    boolean allows(String host, InetAddress address) {
        return hosts.contains(host.toLowerCase(Locale.ROOT)) || ranges.stream().anyMatch(r -> r.contains(address));
    }
}
