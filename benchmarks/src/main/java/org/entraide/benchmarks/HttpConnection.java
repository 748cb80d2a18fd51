package org.entraide.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection driven by one thread: writes a prepared request, reads the whole response.
 * Blocking sockets on purpose: the generator shares the two cores with the server, so the client must cost as
 * little CPU per request as possible (the JDK HttpClient adds a selector thread and futures to every call).
 */
final class HttpConnection implements AutoCloseable {
    /** A response: its status and its body (de-chunked). */
    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean used;

    HttpConnection(InetSocketAddress address) {
        this.address = address;
    }

    Reply exchange(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            return send(request);
        } catch (EOFException staleKeepAlive) {
            // A reused connection the server closed while idle: retry once on a new one, as any HTTP client does.
            if (!used) {
                throw staleKeepAlive;
            }
            close();
            open();
            return send(request);
        }
    }

    private Reply send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        if (statusLine == null) {
            throw new EOFException("connection closed before the status line");
        }
        used = true;
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunkedBody() : in.readNBytes((int) Math.max(length, 0));
        if (length > 0 && body.length < length) {
            throw new EOFException("body cut short: " + body.length + " of " + length + " bytes");
        }
        if (closing) {
            close();
        }
        return new Reply(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers carry nothing the benchmark checks
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length < n) {
                throw new EOFException("chunk cut short");
            }
            body.write(chunk);
            line();
        }
    }

    /** A header line without its CRLF, or null at end of stream. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r' ? sb.length() - 1 : sb.length();
                return sb.substring(0, end);
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
        used = false;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a benchmark socket cannot fail in a way that matters
            }
            socket = null;
        }
    }
}
