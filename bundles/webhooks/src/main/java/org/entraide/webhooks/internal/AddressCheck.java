package org.entraide.webhooks.internal;

import java.net.InetAddress;
import java.util.Optional;

/** Decides whether a webhook may connect to an address a host name resolved to. */
final class AddressCheck {
    private final InternalTargets allowed;

    AddressCheck(InternalTargets allowed) {
        this.allowed = allowed;
    }

    /** Why {@code address} (resolved from {@code host}) must not be connected to, or empty when it may. */
    Optional<String> refusal(String host, InetAddress address) {
        if (allowed.allows(host, address)) {
            return Optional.empty();
        }
        return SpecialAddresses.rangeOf(address).map(range -> host + " resolves to " + address.getHostAddress()
            + ", a special-purpose address (" + range + ")");
    }
}
