package org.entraide.web.internal;

import java.util.Map;

/**
 * Reporting a message of the other party of a complaint's private thread, shared by the complainant's page and the
 * manager's workspace. The API decides who may report what; this only turns its refusals into words a reader
 * understands (a 409 says why: already reported, already removed, or no moderation to review it).
 */
final class MessageReporting {
    static final int REASON_MAX = 500;

    /** {@code refusedKey} is null when the report was stored; otherwise a message key and the status to answer. */
    record Outcome(int status, String refusedKey) { }

    private MessageReporting() {
    }

    static Outcome report(ApiClient api, Visit visit, String brandPath, long complaint, long message) {
        String reason = visit.request.field("reason");
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            return new Outcome(422, "report.message.reasonNeeded");
        }
        ApiClient.Answer a = api.call("POST", brandPath + "/complaints/" + complaint + "/messages/" + message + "/report",
            visit.token(), Map.of("reason", reason));
        if (a.ok()) {
            return new Outcome(a.status(), null);
        }
        if (a.status() == 409) {
            // the API's details are in English; the reader gets the reason in their language
            String detail = a.detail() == null ? "" : a.detail();
            String key = detail.contains("already reported") ? "report.message.already"
                : detail.contains("moderation is not enabled") ? "report.message.noModeration"
                : detail.contains("already removed") ? "report.message.removed"
                : "report.message.notOther";
            return new Outcome(409, key);
        }
        return new Outcome(a.status(), a.status() == 404 ? "report.message.notFound" : "report.message.refused");
    }

    /** The id of the message just reported, from the redirect's query, or null. */
    static Long confirmed(Visit visit) {
        String reported = visit.request.param("reported");
        return reported != null && reported.matches("[0-9]{1,18}") ? Long.valueOf(reported) : null;
    }
}
