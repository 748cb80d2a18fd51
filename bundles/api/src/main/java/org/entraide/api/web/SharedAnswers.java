package org.entraide.api.web;

/**
 * Answers that are the same for every anonymous visitor (a public page, a public read), which the core serves again
 * on this node before any route runs: no Camel exchange, no rendering, no database. A bundle hands over an answer only
 * when nothing in it is personal; the core serves it only to requests with no {@code Authorization} header and no
 * cookie but {@code lang}, while the brand's {@link ContentVersions content version} is the one the answer was made
 * at and for at most its maximum age. A write acknowledged on this node therefore hides it at once; one on another
 * node when it is that old.
 *
 * <p>Provided by the core, bound in the shared CamelContext's registry under {@link #REGISTRY_NAME}. Any thread.
 */
public interface SharedAnswers {
    /** The name under which the core binds it in the shared CamelContext's registry. */
    String REGISTRY_NAME = "entraideSharedAnswers";

    /** Keeps {@code answer}, replacing any answer of the same key; may drop others to stay within its bounds. */
    void keep(SharedAnswer answer);

    /**
     * The key of a request: its raw path and query (as sent, not decoded) and what may choose its language, its
     * {@code Accept-Language} header and {@code lang} cookie. Null when the request may never get a shared answer:
     * it carries another cookie (a session, or anything the core does not know to be impersonal).
     */
    static String key(String path, String query, String acceptLanguage, String cookieHeader) {
        String lang = "";
        if (cookieHeader != null && !cookieHeader.isBlank()) {
            for (String pair : cookieHeader.split(";")) {
                String p = pair.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (!p.startsWith("lang=") || !lang.isEmpty()) {
                    return null;
                }
                lang = p.substring(5);
            }
        }
        return path + (query == null || query.isEmpty() ? "" : "?" + query) + '\n'
            + (acceptLanguage == null ? "" : acceptLanguage) + '\n' + lang;
    }
}
