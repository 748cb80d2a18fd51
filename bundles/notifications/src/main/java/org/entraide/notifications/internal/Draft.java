package org.entraide.notifications.internal;

import java.time.Instant;
import java.util.Map;

/**
 * A notification about to be written for one or many recipients. {@code linkPath} is relative to the site and keeps
 * the brand as {@code {brand}}, filled in when it is shown or mailed.
 */
record Draft(long brandId, Kind kind, long eventId, String threadType, long threadId, String linkPath,
             Map<String, Object> params, Instant at) {
    static final String BRAND = "{brand}";

    Draft with(Map<String, Object> otherParams) {
        return new Draft(brandId, kind, eventId, threadType, threadId, linkPath, otherParams, at);
    }
}
