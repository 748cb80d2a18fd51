package org.entraide.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The forms that send files (a member's avatar, a complaint's attachment, the pictures sent with a new complaint), read
 * as {@code multipart/form-data} by Jetty's parser, within limits; every other form is URL-encoded. The files' bytes go
 * to the API, which decodes and re-encodes them: nothing of them is trusted here.
 */
final class Uploads {
    /** The paths whose form may carry a file. */
    static final Pattern PATHS = Pattern.compile(
        "/b/[a-z0-9-]{1,64}/(me/account/avatar|complaints/[0-9]{1,18}/attachments|complaints/new)");
    /** The API's own limit on an avatar, plus room for the form's other fields. */
    static final long MAX_FILE = 1024 * 1024;
    /**
     * The platform's largest attachment (the channels plugin's ceiling; the API checks the brand's own limit). The
     * filing form's pictures share it: together, they may not weigh more than one picture may.
     */
    static final long MAX_ATTACHMENT = 20L * 1024 * 1024;
    private static final long ROOM = 16 * 1024;
    /**
     * The most of an oversized body read and dropped before its 413. Jetty 12.1 resets a connection whose request
     * content is left unread when the response completes, and a browser that is still sending then shows a network
     * error instead of the 413 page; past this, the connection is let go.
     */
    static final long MAX_DRAIN = 8L * 1024 * 1024;
    private static final int MAX_FIELD = 1024;
    /** A file name as the pages show it back: its last segment, at most this long. */
    private static final int MAX_NAME = 100;

    /** A file sent with a form: its name as the visitor's device gave it, its declared media type (checked by the API) and its bytes. */
    record FileField(String fileName, String contentType, byte[] bytes) {
    }

    /** The form's text fields and its files (empty when none), or thrown {@link TooLarge} past the limits. */
    record Form(Map<String, String> fields, List<FileField> files) {
        Form {
            files = List.copyOf(files);
        }
    }

    /**
     * What a form of one path may carry: its largest file, the whole request, its longest text field, how many parts
     * and how many files.
     */
    record Limits(long maxFile, long maxRequest, int maxField, int maxParts, int maxFiles) {
    }

    /** The avatar's form: one file of 1 MB. */
    static final Limits AVATAR = new Limits(MAX_FILE, MAX_FILE + ROOM, MAX_FIELD, 8, 1);
    /** A complaint's attachment form: one picture. */
    static final Limits ATTACHMENT = new Limits(MAX_ATTACHMENT, MAX_ATTACHMENT + ROOM, MAX_FIELD, 8, 1);
    /**
     * The complaint filing form: its text (as long as a URL-encoded form may be) and its pictures, together no more
     * than one attachment may weigh, at most ten of them (the API refuses those beyond the brand's count, one by one).
     */
    static final Limits FILING = new Limits(MAX_ATTACHMENT, MAX_ATTACHMENT + WebRequest.MAX_FORM_BYTES, WebRequest.MAX_FORM_BYTES,
        24, 10);

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

    /** The limits of the form of that path (one of {@link #PATHS}). */
    static Limits limits(String path) {
        if (path.endsWith("/attachments")) {
            return ATTACHMENT;
        }
        return path.endsWith("/complaints/new") ? FILING : AVATAR;
    }

    static Form read(String contentType, InputStream body) throws IOException, TooLarge {
        return read(contentType, body, AVATAR);
    }

    /**
     * Parses a body already read by Camel (so the servlet's own {@code getParts()} would find it consumed) with Jetty's
     * multipart parser, within the limits. Only the parts named {@code image} are files; an empty file input is none.
     */
    static Form read(String contentType, InputStream body, Limits limits) throws IOException, TooLarge {
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || body == null) {
            throw new IOException("a multipart form without boundary or body");
        }
        byte[] bytes = body.readNBytes((int) limits.maxRequest() + 1);
        if (bytes.length > limits.maxRequest()) {
            drain(body);
            throw new TooLarge();
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxLength(limits.maxRequest());
        parser.setMaxFileSize(limits.maxFile());
        // kept in memory: no temporary file to clean up
        parser.setMaxMemoryFileSize(limits.maxRequest());
        parser.setMaxParts(limits.maxParts());
        Map<String, String> fields = new LinkedHashMap<>();
        List<FileField> files = new ArrayList<>();
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(bytes))).get(10, TimeUnit.SECONDS)) {
            for (MultiPart.Part part : parts) {
                if (part.getFileName() == null) {
                    if (part.getLength() > limits.maxField()) {
                        throw new TooLarge();
                    }
                    fields.putIfAbsent(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
                } else if ("image".equals(part.getName()) && part.getLength() > 0) {
                    if (files.size() == limits.maxFiles()) {
                        throw new TooLarge();
                    }
                    String type = part.getHeaders().get(HttpHeader.CONTENT_TYPE);
                    ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
                    byte[] data = new byte[content.remaining()];
                    content.get(data);
                    files.add(new FileField(fileName(part.getFileName()), type == null ? "" : type, data));
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
        return new Form(fields, files);
    }

    /**
     * The name a page may show back to the visitor ("photo.pdf was refused"): the last segment of what the device sent
     * (some send a whole path), without control or separator characters, shortened.
     */
    static String fileName(String sent) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N} ._()+-]", "_").strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return name.isEmpty() ? "?" : name;
    }
}
