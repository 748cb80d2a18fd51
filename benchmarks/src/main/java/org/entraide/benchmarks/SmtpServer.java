package org.entraide.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import org.entraide.core.internal.Core;
import org.entraide.jdbc.Sql;

/**
 * The SMTP server a benchmark delivers to: GreenMail in the benchmark's JVM, or a server already listening on
 * loopback (postfix's {@code smtp-sink}, a C program that accepts and drops each message, so that the figures are the
 * sender's and not the receiver's, which on two cores otherwise takes half the CPU).
 */
abstract class SmtpServer {

    abstract String address();

    abstract String describe();

    /** Messages the server accepted so far. */
    abstract int received();

    /** The core whose sent messages an external server is counted by (it cannot be asked). */
    void countSentBy(Core core) {
    }

    void stop() {
    }

    static SmtpServer greenMail() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        mail.start();
        // every message into one mailbox: by default GreenMail makes a user and a mailbox for each new recipient,
        // comparing it with every existing one under its global lock, quadratic over 100,000 digest recipients (it,
        // not the sender, set the pace of the first digest runs)
        var sink = mail.getUserManager().createUser("sink@bench.example", "sink", "sink");
        mail.getUserManager().setMessageDeliveryHandler((message, address) -> sink);
        return new SmtpServer() {
            @Override
            String address() {
                return "127.0.0.1:" + mail.getSmtp().getPort();
            }

            @Override
            String describe() {
                return "GreenMail (in this JVM)";
            }

            @Override
            int received() {
                return mail.getReceivedMessages().length;
            }

            @Override
            void stop() {
                mail.stop();
            }
        };
    }

    /** A server at {@code host:port}; what it received is what the core's sender marked sent (the server said 250). */
    static SmtpServer external(String hostPort) {
        if (!hostPort.startsWith("127.0.0.1:")) {
            throw new IllegalArgumentException("--smtp-server must be on 127.0.0.1: " + hostPort);
        }
        return new SmtpServer() {
            private Core core;

            @Override
            String address() {
                return hostPort;
            }

            @Override
            String describe() {
                return "the server at " + hostPort;
            }

            @Override
            void countSentBy(Core c) {
                core = c;
            }

            @Override
            int received() {
                long sent = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'"));
                return (int) sent;
            }
        };
    }
}
