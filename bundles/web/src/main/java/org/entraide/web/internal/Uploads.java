package org.entraide.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * The forms that send a file (a member's avatar, a complaint's attachment), read as {@code multipart/form-data} by Jetty's parser, within
 * limits; every other form is URL-encoded. The file's bytes go to the API, which decodes and
 * re-encodes them: nothing of them is trusted here.
 */
final class Uploads {
    /** The paths whose form may carry a file. */
    static final Pattern PATHS = Pattern.compile("/b/[a-z0-9-]{1,64}/(me/account/avatar|complaints/[0-9]{1,18}/attachments)");
    /** The API's own limit on an avatar, plus room for the form's other fields. */
    static final long MAX_FILE = 1024 * 1024;
    /** The platform's largest attachment (the channels plugin's ceiling; the API checks the brand's own limit). */
    static final long MAX_ATTACHMENT = 20L * 1024 * 1024;
    private static final long ROOM = 16 * 1024;
    /**
     * The most of an oversized body read and dropped before its 413. Jetty 12.1 resets a connection whose request
     * content is left unread when the response completes, and a browser that is still sending then shows a network
     * error instead of the 413 page; past this, the connection is let go.
     */
    static final long MAX_DRAIN = 8L * 1024 * 1024;
    private static final int MAX_FIELD = 1024;

    /** A file sent with a form: its declared media type (checked by the API) and its bytes. */
    record FileField(String contentType, byte[] bytes) {
    }

    /** The form's text fields and its file (or null), or thrown {@link TooLarge} past the limits. */
    record Form(Map<String, String> fields, FileField file) {
    }

    static final class TooLarge extends Exception {
        TooLarge() {
            super("upload too large", null, false, false);
        }
    }

    private Uploads() {
    }

    /** Reads and drops what is left of a refused body, up to {@link #MAX_DRAIN} bytes, so its 413 reaches the client. */
    static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAIN;
        int n;
        while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= n;
        }
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Parses a body already read by Camel (so the servlet's own {@code getParts()} would find it consumed) with Jetty's
     * multipart parser, within the limits.
     */
    /** The largest file a form of that path may carry. */
    static long maxFile(String path) {
        return path.endsWith("/attachments") ? MAX_ATTACHMENT : MAX_FILE;
    }

    static Form read(String contentType, InputStream body) throws IOException, TooLarge {
        return read(contentType, body, MAX_FILE);
    }

    static Form read(String contentType, InputStream body, long maxFile) throws IOException, TooLarge {
        long maxRequest = maxFile + ROOM;
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || body == null) {
            throw new IOException("a multipart form without boundary or body");
        }
        byte[] bytes = body.readNBytes((int) maxRequest + 1);
        if (bytes.length > maxRequest) {
            drain(body);
            throw new TooLarge();
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxLength(maxRequest);
        parser.setMaxFileSize(maxFile);
        // kept in memory: no temporary file to clean up
        parser.setMaxMemoryFileSize(maxRequest);
        parser.setMaxParts(8);
        Map<String, String> fields = new LinkedHashMap<>();
        FileField file = null;
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(bytes))).get(10, TimeUnit.SECONDS)) {
            for (MultiPart.Part part : parts) {
                if (part.getFileName() == null) {
                    if (part.getLength() > MAX_FIELD) {
                        throw new TooLarge();
                    }
                    fields.putIfAbsent(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
                } else if ("image".equals(part.getName()) && file == null && part.getLength() > 0) {
                    String type = part.getHeaders().get(HttpHeader.CONTENT_TYPE);
                    ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
                    byte[] data = new byte[content.remaining()];
                    content.get(data);
                    file = new FileField(type == null ? "" : type, data);
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalStateException) {
                // Jetty's way of saying a part or the whole is over its limit
                throw new TooLarge();
            }
            throw new IOException("malformed multipart form", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("multipart form not parsed in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Form(fields, file);
    }
}
