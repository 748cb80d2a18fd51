package org.entraide.core.internal.support;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** The messages queued for an address, read from the mail outbox as its recipient would read them. */
public final class Mailbox {
    /** One queued message. */
    public record Message(long id, String key, String to, String subject, String text) {
        /** The token of the first link in the text that leads to {@code page} ({@code .../page?token=...}). */
        public Optional<String> token(String page) {
            Matcher m = Pattern.compile("/" + Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]{43})").matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    private final Database db;

    public Mailbox(Database db) {
        this.db = db;
    }

    /** Every message to that address (compared in lower case), oldest first. */
    public List<Message> to(String address) {
        return db.inTransaction(c -> Sql.list(c, "SELECT id, mail_key, to_address, subject, text_body FROM mail_outbox "
            + "WHERE LOWER(to_address) = ? ORDER BY id", rs -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), address.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The newest message to that address whose key starts with {@code keyPrefix}. */
    public Optional<Message> last(String address, String keyPrefix) {
        List<Message> all = to(address).stream().filter(m -> m.key().startsWith(keyPrefix)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The token of the newest link to {@code page} sent to that address. */
    public String lastToken(String address, String keyPrefix, String page) {
        return last(address, keyPrefix).flatMap(m -> m.token(page))
            .orElseThrow(() -> new AssertionError("no " + keyPrefix + " message with a link to " + page + " for " + address
                + "; mailbox: " + to(address)));
    }
}
