package org.entraide.core.internal.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a real SMTP server that counts the connections made through it and can cut the first one
 * just before its n-th {@code MAIL FROM}, as a server or a network that drops an open connection would.
 */
final class SmtpProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final int target;
    private final int cutAtMail;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean cut = new AtomicBoolean();

    /** {@code cutAtMail}: the first connection is closed before its n-th MAIL FROM reaches the server; 0 never. */
    SmtpProxy(int targetPort, int cutAtMail) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = targetPort;
        this.cutAtMail = cutAtMail;
        Thread accepting = new Thread(this::accept, "smtp-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Whether the first connection was cut. */
    boolean cut() {
        return cut.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                int number = connections.incrementAndGet();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5_000);
                start(() -> pump(server.getInputStream(), client.getOutputStream(), client, server));
                start(() -> relayCommands(new BufferedInputStream(client.getInputStream()), server.getOutputStream(), client, server, number));
            } catch (IOException e) {
                // closed, or one connection failed: the next one is served
            }
        }
    }

    private static void start(Pumping p) {
        Thread t = new Thread(() -> {
            try {
                p.run();
            } catch (IOException e) {
                // one side hung up
            }
        }, "smtp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private interface Pumping {
        void run() throws IOException;
    }

    private static void pump(InputStream in, OutputStream out, Socket a, Socket b) throws IOException {
        try (a; b) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }

    /** Client to server, line by line, so that the n-th MAIL FROM of the first connection can be withheld. */
    private void relayCommands(InputStream in, OutputStream out, Socket client, Socket server, int number)
            throws IOException {
        try (client; server) {
            int mails = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                String text = line.toString(StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
                if (text.startsWith("MAIL FROM") && ++mails == cutAtMail && number == 1) {
                    cut.set(true);
                    return; // both sockets close: the client sees the connection drop mid-conversation
                }
                line.writeTo(out);
                out.flush();
                line.reset();
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
