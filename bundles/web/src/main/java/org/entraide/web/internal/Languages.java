package org.entraide.web.internal;

import java.util.List;
import java.util.Locale;

/** French or English: the remembered switch (cookie {@code lang}) first, then the browser's preference. */
final class Languages {
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private Languages() {
    }

    static Locale choose(String cookieHeader, String acceptLanguage) {
        if (cookieHeader != null) {
            for (String part : cookieHeader.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals("lang") && supported(kv[1])) {
                    return Locale.forLanguageTag(kv[1]);
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header falls back to English like an absent one
            }
        }
        return Locale.ENGLISH;
    }

    /** Whether a {@code ?lang=} value switches the site to a language it speaks. */
    static boolean switchedTo(String lang) {
        return lang != null && supported(lang);
    }

    private static boolean supported(String tag) {
        return tag.equals("en") || tag.equals("fr");
    }
}
