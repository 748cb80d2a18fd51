package org.entraide.itests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server on loopback, inside the container, that keeps every message it is given. GreenMail is a bundle,
 * but it imports jakarta.mail and Angus packages that the distribution does not export (the Camel runtime embeds
 * them privately): it would need four more bundles in the container, with Jakarta Mail's own provider lookup, only
 * to receive. The plain protocol (RFC 5321, without extensions: the client falls back from EHLO to what is
 * offered) is a few lines, and it tests what matters, that the container really sends.
 */
public final class SmtpReceiver implements AutoCloseable {
    /** A message as received: envelope recipients, and the DATA as sent (headers, blank line, body). */
    public record Message(List<String> recipients, String data) {
        /** A header's raw value (folded lines joined), or null. */
        public String header(String name) {
            String[] lines = headers().split("\r\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    StringBuilder value = new StringBuilder(lines[i].substring(name.length() + 1).trim());
                    while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
                        value.append(' ').append(lines[++i].trim());
                    }
                    return value.toString();
                }
            }
            return null;
        }

        public String headers() {
            int end = data.indexOf("\r\n\r\n");
            return end < 0 ? data : data.substring(0, end);
        }

        public String body() {
            int end = data.indexOf("\r\n\r\n");
            return end < 0 ? "" : data.substring(end + 4);
        }

        /** The subject, its RFC 2047 encoded words decoded (the space between two of them is not text). */
        public String subject() {
            String raw = String.valueOf(header("Subject"));
            Matcher m = ENCODED_WORD.matcher(raw);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                String between = raw.substring(last, m.start());
                if (last == 0 || !between.isBlank()) {
                    out.append(between);
                }
                Charset charset = Charset.forName(m.group(1));
                out.append(m.group(2).equalsIgnoreCase("B") ? new String(Base64.getDecoder().decode(m.group(3)), charset)
                    : quotedPrintable(m.group(3).replace('_', ' '), charset));
                last = m.end();
            }
            return out.append(raw.substring(last)).toString();
        }

        /** The single-part body as text, its transfer encoding (quoted-printable or base64) undone. */
        public String text() {
            String encoding = String.valueOf(header("Content-Transfer-Encoding")).trim().toLowerCase();
            Charset charset = StandardCharsets.UTF_8;
            Matcher cs = Pattern.compile("charset=\"?([^;\"\\s]+)").matcher(String.valueOf(header("Content-Type")));
            if (cs.find()) {
                charset = Charset.forName(cs.group(1));
            }
            return switch (encoding) {
                case "quoted-printable" -> quotedPrintable(body().replace("=\r\n", ""), charset);
                case "base64" -> new String(Base64.getMimeDecoder().decode(body()), charset);
                default -> body();
            };
        }

        private static String quotedPrintable(String s, Charset charset) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '=' && i + 2 < s.length()) {
                    bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    byte[] b = String.valueOf(ch).getBytes(charset);
                    bytes.write(b, 0, b.length);
                }
            }
            return bytes.toString(charset);
        }
    }

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    private final ServerSocket server;
    private final List<Message> received = new ArrayList<>();
    private final Thread acceptor;

    public SmtpReceiver(int port) throws IOException {
        server = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "smtp-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException closed) {
                return;
            }
            // each client in its own thread, as a real server: the platform keeps several connections open at once
            Thread conversation = new Thread(() -> {
                try (s) {
                    s.setSoTimeout(30_000);
                    converse(s);
                } catch (IOException e) {
                    // one broken conversation; the client retries
                }
            }, "smtp-receiver-client");
            conversation.setDaemon(true);
            conversation.start();
        }
    }

    /** One client's conversation, any number of messages; messages are recorded in the order they end. */
    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 localhost test SMTP");
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (verb) {
                case "HELO", "EHLO" -> reply(out, "250 localhost");
                case "MAIL" -> {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    recipients.add(line.substring(line.indexOf(':') + 1).trim().replaceAll("[<>]", ""));
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    synchronized (this) {
                        received.add(new Message(List.copyOf(recipients), data.toString()));
                        notifyAll();
                    }
                    reply(out, "250 OK queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK"); // RSET, NOOP
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The messages received so far, waiting up to {@code timeout} for at least {@code count} of them. */
    public synchronized List<Message> await(int count, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (received.size() < count && Instant.now().isBefore(end)) {
            wait(Math.max(1, Duration.between(Instant.now(), end).toMillis()));
        }
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
