package org.entraide.web.internal;

/** A rendered page, its HTTP status and its media type. */
record Page(int status, String html, String contentType) {
    Page(int status, String html) {
        this(status, html, "text/html; charset=utf-8");
    }
}
