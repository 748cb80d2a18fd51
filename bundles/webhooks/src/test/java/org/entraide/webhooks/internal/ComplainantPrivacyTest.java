package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class ComplainantPrivacyTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void complaintAuthorsAndAppellantsLeaveNoPayload() throws Exception {
        assertEquals("{\"complaintId\":7}", ComplainantPrivacy.forReceivers("complaint.filed",
            json.readTree("{\"complaintId\":7,\"authorId\":3}")).toString());
        assertEquals("{\"postId\":7,\"postType\":\"COMPLAINT\"}", ComplainantPrivacy.forReceivers("post.published",
            json.readTree("{\"postId\":7,\"postType\":\"COMPLAINT\",\"authorId\":3}")).toString());
        assertEquals("{\"appealId\":2,\"outcome\":\"UPHELD\"}", ComplainantPrivacy.forReceivers("moderation.appeal-decided",
            json.readTree("{\"appealId\":2,\"outcome\":\"UPHELD\",\"appellantId\":3}")).toString());
        assertEquals("{\"postId\":7,\"postType\":\"QUESTION\",\"authorId\":3}", ComplainantPrivacy.forReceivers("post.published",
            json.readTree("{\"postId\":7,\"postType\":\"QUESTION\",\"authorId\":3}")).toString(), "a question's author is public");
        assertEquals("{\"complaintId\":7,\"messageId\":9,\"authorRole\":\"complainant\"}", ComplainantPrivacy.forReceivers(
            "complaint.message-reported", json.readTree("{\"complaintId\":7,\"messageId\":9,\"text\":\"Mon adresse\","
                + "\"authorRole\":\"complainant\",\"reason\":\"Hors sujet\"}")).toString(), "a private thread's text stays inside");
    }
}
