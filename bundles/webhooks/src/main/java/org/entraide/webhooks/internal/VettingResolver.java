package org.entraide.webhooks.internal;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a receiver's host once, vets every address against the {@link AddressCheck}, and hands only those
 * addresses to the HTTP client, which connects to them while keeping the URL's host for the Host header, SNI and
 * certificate check. Resolving again after the check (DNS rebinding) is therefore impossible: the vetted answer is the
 * one connected to. Jetty calls it for every new connection, IP literals included.
 */
final class VettingResolver implements SocketAddressResolver {
    /** Why a delivery did not connect; its message is shown to brand admins as the delivery's last error. */
    static final class RefusedAddress extends ConnectException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    private final SocketAddressResolver dns;
    private final AddressCheck check;

    VettingResolver(SocketAddressResolver dns, AddressCheck check) {
        this.dns = dns;
        this.check = check;
    }

    /** Jetty 12.1's signature: the context (the connection's attributes) is passed on to the DNS resolver unchanged. */
    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        dns.resolve(host, port, context, new Promise<>() {
            @Override
            public void succeeded(List<InetSocketAddress> addresses) {
                for (InetSocketAddress a : addresses) {
                    Optional<String> why = check.refusal(name, a.getAddress());
                    if (why.isPresent()) {
                        promise.failed(new RefusedAddress(why.get()));
                        return;
                    }
                }
                promise.succeeded(addresses);
            }

            @Override
            public void failed(Throwable x) {
                promise.failed(x);
            }
        });
    }
}
