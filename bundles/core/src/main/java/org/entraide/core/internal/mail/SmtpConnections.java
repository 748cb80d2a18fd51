package org.entraide.core.internal.mail;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.Producer;
import org.apache.camel.component.mail.JavaMailSender;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open SMTP connections to the server of one Camel mail endpoint, each used by one sending thread at a time and kept
 * open between messages. A Camel mail producer connects, sends one message and disconnects: the connection and its
 * greeting cost far more than the message (about 50 ms against 2 ms to a local server), so throughput was bounded by
 * connections per second. The session, host, port, credentials and Jakarta Mail properties are still the ones Camel
 * makes of the endpoint URI ({@code smtp://host:port?username=...&password=...&connectionTimeout=...}).
 *
 * <p>A message that fails on a connection already used for an earlier one is sent once more on a new connection: the
 * server may have closed it while it was idle, or dropped it. A second failure, or any on a fresh connection, is the
 * message's failure (retried later by the sender with its back-off). A connection that failed is never reused.
 */
final class SmtpConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

    private final String uri;
    private final JavaMailSender sender;
    private final Deque<Transport> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private volatile boolean closed;

    private SmtpConnections(String uri, JavaMailSender sender) {
        this.uri = uri;
        this.sender = sender;
    }

    /** The connections of the endpoint {@code uri} of {@code camel}, configured as Camel would configure its producer. */
    static SmtpConnections of(CamelContext camel, String uri) {
        MailEndpoint endpoint = camel.getEndpoint(uri, MailEndpoint.class);
        if (endpoint == null) {
            throw new IllegalArgumentException("mail.smtp.uri is not a Camel mail endpoint: " + uri);
        }
        JavaMailSender configured = endpoint.getConfiguration().getJavaMailSender();
        if (configured == null) {
            // Camel builds the sender (session, properties, credentials) only while creating a producer: a copy of the
            // endpoint hands it over instead of wrapping it in a producer.
            JavaMailSender[] built = new JavaMailSender[1];
            MailEndpoint copy = new MailEndpoint(endpoint.getEndpointUri(), (MailComponent) endpoint.getComponent(),
                endpoint.getConfiguration()) {
                @Override
                public Producer createProducer(JavaMailSender s) {
                    built[0] = s;
                    return null;
                }
            };
            copy.setCamelContext(camel);
            MimeMessages.inMailLoader(() -> {
                try {
                    return copy.createProducer();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot configure SMTP from " + uri + ": " + e.getMessage(), e);
                }
            });
            configured = built[0];
        }
        return new SmtpConnections(uri, configured);
    }

    String uri() {
        return uri;
    }

    /** Connections opened since these were made (the benchmark and the tests read it). */
    long opened() {
        return opened.get();
    }

    /** Sends one message on an idle connection, or a new one; the failure is thrown unchecked, with its cause. */
    void send(MimeMessage message) {
        Transport t = idle.pollFirst();
        boolean reused = t != null;
        try {
            if (t == null) {
                t = open();
            }
            deliver(t, message);
        } catch (MessagingException | RuntimeException first) {
            discard(t);
            if (!reused || Rejections.permanentRecipientRejection(first) != null) {
                throw failure(first);
            }
            LOG.debug("SMTP connection to {} failed on reuse ({}): sending again on a new one", sender.getHost(),
                first.getMessage());
            Transport fresh = null;
            try {
                fresh = open();
                deliver(fresh, message);
            } catch (MessagingException | RuntimeException second) {
                discard(fresh);
                throw failure(second);
            }
        }
    }

    private void deliver(Transport t, MimeMessage message) throws MessagingException {
        MessagingException[] failed = new MessagingException[1];
        MimeMessages.inMailLoader(() -> {
            try {
                t.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                failed[0] = e;
            }
            return null;
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        if (closed) {
            discard(t); // closed meanwhile: the connection goes with the rest
        } else {
            idle.addFirst(t);
        }
    }

    private Transport open() throws MessagingException {
        MessagingException[] failed = new MessagingException[1];
        Transport t = MimeMessages.inMailLoader(() -> {
            try {
                Transport transport = sender.getSession().getTransport(sender.getProtocol());
                PasswordAuthentication auth = sender.getAuthenticator() != null
                    ? sender.getAuthenticator().getPasswordAuthentication()
                    : new PasswordAuthentication(sender.getUsername(), sender.getPassword());
                transport.connect(sender.getHost(), sender.getPort(), auth.getUserName(), auth.getPassword());
                return transport;
            } catch (MessagingException e) {
                failed[0] = e;
                return null;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        opened.incrementAndGet();
        return t;
    }

    private static void discard(Transport t) {
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException | RuntimeException e) {
                // already broken: nothing to tell the server
            }
        }
    }

    private static RuntimeException failure(Exception e) {
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    /** Says goodbye on every idle connection; one in use is closed when its message is sent. */
    void closeIdle() {
        for (Transport t; (t = idle.pollFirst()) != null; ) {
            discard(t);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }
}
