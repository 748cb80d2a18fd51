package org.entraide.webhooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entraide.api.event.EventTypes;

/**
 * What a brand's receivers never learn: who filed a complaint. The core's events carry a complaint's author for the
 * plugins inside the platform (its own private history, its notifications); a webhook leaves the platform, so the
 * author of a complaint is taken out of every payload about it, as the store's own view of it shows no author.
 */
final class ComplainantPrivacy {
    private ComplainantPrivacy() {
    }

    static JsonNode forReceivers(String type, JsonNode payload) {
        if (payload instanceof ObjectNode object) {
            if (aboutTheComplainant(type, object)) {
                object.remove("authorId");
            }
            // an appeal may be a complainant's, against the rejection of their complaint: its author stays inside
            object.remove("appellantId");
            // a reported private message is for moderators: its text and the reason stay inside, as the thread does
            if ("complaint.message-reported".equals(type)) {
                object.remove("text");
                object.remove("reason");
            }
        }
        return payload;
    }

    private static boolean aboutTheComplainant(String type, ObjectNode payload) {
        return type.startsWith("complaint.") || "COMPLAINT".equals(payload.path("postType").asText());
    }
}
