package org.entraide.core.internal.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/** Builds the RFC 5322 message of a queued row: text, or text and HTML as multipart/alternative, in UTF-8. */
final class MimeMessages {
    private static final String UTF8 = "UTF-8";
    private static final Session SESSION = inMailLoader(() -> Session.getInstance(new Properties()));

    /** What the sender needs of a queued row. */
    record Outgoing(long id, String key, String to, String subject, String text, String html, Map<String, String> headers) {
    }

    private MimeMessages() {
    }

    /** The {@code Message-ID} of a key: the same at every attempt, so that receivers see a retry as the same message. */
    static String messageId(String key) {
        return "<" + key + "@entraide>";
    }

    static MimeMessage build(Outgoing m, String from, Date date) {
        return inMailLoader(() -> {
            try {
                MimeMessage message = new KeyedMimeMessage(SESSION, messageId(m.key()));
                message.setFrom(new InternetAddress(from, true));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
                message.setSubject(m.subject(), UTF8);
                message.setSentDate(date);
                for (Map.Entry<String, String> h : m.headers().entrySet()) {
                    String value = MimeUtility.encodeText(h.getValue(), UTF8, null);
                    message.setHeader(h.getKey(), MimeUtility.fold(h.getKey().length() + 2, value));
                }
                if (m.html() == null) {
                    message.setText(m.text(), UTF8, "plain");
                } else {
                    MimeBodyPart text = new MimeBodyPart();
                    text.setText(m.text(), UTF8, "plain");
                    MimeBodyPart html = new MimeBodyPart();
                    html.setText(m.html(), UTF8, "html");
                    // the last part is the preferred one (RFC 2046): HTML where it can be shown, the text elsewhere
                    MimeMultipart alternative = new MimeMultipart("alternative");
                    alternative.addBodyPart(text);
                    alternative.addBodyPart(html);
                    message.setContent(alternative);
                }
                message.saveChanges();
                return message;
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot build mail " + m.id() + ": " + e.getMessage(), e);
            }
        });
    }

    static byte[] bytes(MimeMessage message) {
        return inMailLoader(() -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot write mail: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Jakarta Mail and Activation find their providers and MIME handlers through the context class loader: in Karaf
     * it must be the loader of the bundle that holds them (the Camel bundle), not the caller's.
     */
    static <T> T inMailLoader(Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(Session.class.getClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** Keeps the idempotency key's Message-ID: {@code saveChanges} would otherwise replace it with a random one. */
    private static final class KeyedMimeMessage extends MimeMessage {
        private final String id;

        KeyedMimeMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
