package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.List;

/** A response: a rendered page or a redirect, with the cookies it sets. */
final class WebReply {
    private final int status;
    private final String body;
    private final String contentType;
    private final String location;
    private final List<String> cookies = new ArrayList<>();
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    private boolean anonymous;
    private byte[] bytes;

    private WebReply(int status, String body, String contentType, String location) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.location = location;
    }

    static WebReply of(Page page) {
        return new WebReply(page.status(), page.html(), page.contentType(), null);
    }

    /** 303: after a form, the browser loads the next page with GET, and a reload does not post again. */
    static WebReply seeOther(String location) {
        return new WebReply(303, "", "text/plain; charset=utf-8", location);
    }

    /** A status without a page, for a script's call (a draft saved while typing). */
    static WebReply empty(int status) {
        return new WebReply(status, "", "text/plain; charset=utf-8", null);
    }

    /** A picture for this visitor only (a complaint's attachment): kept by no cache, never run as a page. */
    static WebReply privateBytes(String contentType, byte[] bytes) {
        WebReply r = new WebReply(200, "", contentType, null);
        r.bytes = bytes;
        return r;
    }

    /** The bytes of {@link #privateBytes}; null for a page. */
    byte[] bytes() {
        return bytes;
    }

    WebReply cookie(String setCookie) {
        cookies.add(setCookie);
        return this;
    }

    /** A header of this reply (a download's file name). */
    WebReply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Marks a reply made for a visitor nobody knows, without form token (see {@link Visit#reply}). */
    WebReply anonymous() {
        anonymous = true;
        return this;
    }

    /** Nothing in it is personal: the same for every anonymous visitor, so it may be kept and shared. */
    boolean shareable() {
        return anonymous && cookies.isEmpty();
    }

    java.util.Map<String, String> headers() {
        return java.util.Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    String location() {
        return location;
    }

    List<String> cookies() {
        return List.copyOf(cookies);
    }
}
