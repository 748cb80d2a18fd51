package org.entraide.core.internal.mail;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

/**
 * Tells a permanent refusal of the recipient (SMTP 550-553 to RCPT TO: no such mailbox, not allowed, bad address)
 * from everything else (server down, 4xx, time-outs), which is retried.
 */
final class Rejections {
    private static final Pattern PERMANENT = Pattern.compile("^\\s*(55[0-3])[ -]");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+");

    private Rejections() {
    }

    /**
     * The SMTP code when the failure is the server refusing the recipient for good, else null. Jakarta Mail reports
     * it as a {@link SendFailedException} with invalid addresses, whose chain holds the server's reply (Angus'
     * {@code SMTPAddressFailedException}, whose message starts with the code).
     */
    static String permanentRecipientRejection(Throwable failure) {
        boolean invalidAddresses = false;
        String code = null;
        for (Throwable t : chain(failure)) {
            if (t instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                && sent.getInvalidAddresses().length > 0) {
                invalidAddresses = true;
            }
            if (t instanceof MessagingException && t.getMessage() != null) {
                Matcher m = PERMANENT.matcher(t.getMessage());
                if (m.find() && code == null) {
                    code = m.group(1);
                }
            }
        }
        return invalidAddresses ? code : null;
    }

    /** The failure in words for last_error, with any e-mail address masked: admins read it and must not learn who. */
    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t : chain(failure)) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && out.indexOf(t.getMessage()) < 0) {
                if (out.length() > 0) {
                    out.append(" / ");
                }
                out.append(t.getMessage().strip());
            }
        }
        if (out.length() == 0) {
            out.append(failure.getClass().getSimpleName());
        }
        String masked = ADDRESS.matcher(out).replaceAll("[address]");
        return masked.length() > 1000 ? masked.substring(0, 1000) : masked;
    }

    /** The causes and, for Jakarta Mail, the chained "next" exceptions, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty() && out.size() < 50) {
            Throwable t = todo.remove(0);
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
        }
        return out;
    }
}
