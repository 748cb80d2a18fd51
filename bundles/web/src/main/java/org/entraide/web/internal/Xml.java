package org.entraide.web.internal;

/** Escapes text for XML content and attributes. */
final class Xml {
    private Xml() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
