package org.entraide.notifications.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.entraide.api.mail.Mail;
import org.entraide.api.mail.OutgoingMail;

/**
 * The platform's e-mail service as the plugin sees it: records what was queued, once per key, and refuses the
 * suppressed addresses. It does not join the caller's transaction: tests check what committed work queued.
 */
final class FakeMail implements Mail {
    final List<OutgoingMail> queued = new CopyOnWriteArrayList<>();
    final Set<String> suppressed = ConcurrentHashMap.newKeySet();
    private final Map<String, OutgoingMail> byKey = new ConcurrentHashMap<>();

    @Override
    public Queued queue(Connection connection, OutgoingMail mail) {
        if (suppressed.contains(mail.to())) {
            return Queued.SUPPRESSED;
        }
        if (byKey.putIfAbsent(mail.key(), mail) != null) {
            return Queued.ALREADY_QUEUED;
        }
        queued.add(mail);
        return Queued.QUEUED;
    }

    @Override
    public boolean suppressed(Connection connection, String address) {
        return suppressed.contains(address);
    }

    @Override
    public void suppress(Connection connection, String address, String reason) {
        suppressed.add(address);
    }

    List<OutgoingMail> to(String address) {
        return queued.stream().filter(m -> m.to().equals(address)).toList();
    }
}
