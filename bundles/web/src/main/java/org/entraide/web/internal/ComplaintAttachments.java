package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A complaint's pictures (channels) as the complaint's page and the manager's console show them, and the pictures
 * sent with the filing form. The API decides who sees and who adds them: the pages only ask with the visitor's own
 * token, and show what it answers.
 */
final class ComplaintAttachments {
    /** The refusals carried to the complaint's page after filing: a reason and the file's name, for its author. */
    static final String REFUSED_PARAM = "refused";
    private static final List<String> REASONS = List.of("type", "tooLarge", "tooMany", "invalid", "unavailable");

    private ComplaintAttachments() {
    }

    /**
     * The complaint's pictures and limits into the model ({@code attachments}, {@code attachmentLimits}), each with a
     * thumbnail's box; nothing for a visitor the API does not let see them (it answers 404), nor without a token.
     * Answers the API's list, or null.
     */
    static JsonNode show(ApiClient api, Visit visit, long complaint, Map<String, Object> model) {
        JsonNode attachments = visit.token() == null ? null
            : api.optional(PageSupport.brandPath(visit) + "/complaints/" + complaint + "/attachments", visit.token());
        if (attachments == null) {
            return null;
        }
        List<Map<String, Object>> pictures = Models.list(attachments, visit);
        for (Map<String, Object> a : pictures) {
            // a thumbnail's box, 160 pixels on its longer side, so that the page does not move as it loads
            int w = ((Number) a.get("width")).intValue();
            int h = ((Number) a.get("height")).intValue();
            a.put("thumbWidth", Math.max(1, w * 160 / Math.max(w, h)));
            a.put("thumbHeight", Math.max(1, h * 160 / Math.max(w, h)));
        }
        model.put("attachments", pictures);
        model.put("attachmentLimits", Models.plain(attachments, visit));
        return attachments;
    }

    /** The message key of an API refusal of a picture, by its status. */
    static String reason(int status) {
        return switch (status) {
            case 404 -> "unavailable";
            case 409 -> "tooMany";
            case 413 -> "tooLarge";
            case 415 -> "type";
            default -> "invalid";
        };
    }

    /**
     * Sends the filing form's pictures to the new complaint, one by one, and answers the refused ones as the value of
     * {@link #REFUSED_PARAM} ("reason:name,reason:name"), empty when all were attached. A refusal loses nothing of the
     * complaint, already filed: its author reads which file was refused and why on its page.
     */
    static String sendAll(ApiClient api, Visit visit, long complaint, List<Uploads.FileField> files) {
        List<String> refused = new ArrayList<>();
        for (Uploads.FileField file : files) {
            String type = file.contentType() == null || file.contentType().isEmpty() ? "application/octet-stream" : file.contentType();
            ApiClient.Answer a = api.post(PageSupport.brandPath(visit) + "/complaints/" + complaint + "/attachments", visit.token(),
                type, file.bytes());
            if (!a.ok()) {
                // file names are cleaned of separators (Uploads.fileName), so the list splits back unambiguously
                refused.add(reason(a.status()) + ":" + file.fileName().replace(',', '_').replace(':', '_'));
            }
        }
        return String.join(",", refused);
    }

    /** The refusals of {@link #sendAll} read back from the page's address, each as its file's name and its message key. */
    static List<Map<String, Object>> refusals(Visit visit) {
        String value = visit.request.param(REFUSED_PARAM);
        List<Map<String, Object>> out = new ArrayList<>();
        if (value == null || value.length() > 2_000) {
            return out;
        }
        for (String item : value.split(",")) {
            String[] parts = item.split(":", 2);
            if (parts.length == 2 && REASONS.contains(parts[0]) && !parts[1].isEmpty()) {
                Map<String, Object> r = new HashMap<>();
                r.put("name", Uploads.fileName(parts[1]));
                r.put("key", "attachment." + parts[0]);
                out.add(r);
            }
        }
        return out;
    }
}
