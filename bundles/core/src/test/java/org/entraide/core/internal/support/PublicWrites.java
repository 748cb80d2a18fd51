package org.entraide.core.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.model.PublicationState;
import org.entraide.core.internal.support.Community.Member;

/**
 * Every kind of write that changes what anonymous readers see of a question (issue 18's list), each by its name, in an
 * order that works on one question: for tests of what is kept for them.
 */
public final class PublicWrites {
    private PublicWrites() {
    }

    /** The writes on question {@code id}, asked by {@code asker}, whose {@code answer} is by {@code answerer}. */
    public static Map<String, Runnable> onQuestion(TestServer server, Community community, Member asker, Member answerer,
                                                   long id, long answer) {
        Http http = community.http();
        long brand = server.core.brands.require("demo").id();
        Map<String, Runnable> writes = new LinkedHashMap<>();
        writes.put("answer", () -> community.answerId(community.join("demo"), id));
        writes.put("vote", () -> assertEquals(200, community.vote(asker, "demo", answer, 1).status()));
        writes.put("acceptance", () -> assertEquals(200, community.accept(asker, "demo", id, answer).status()));
        writes.put("edit", () -> assertEquals(200, http.put("/api/v1/brands/demo/posts/" + answer, answerer.token(),
            Http.json("body", "An answer, edited")).status()));
        writes.put("hide", () -> server.core.publications.change(brand, answer, PublicationState.HIDDEN, null,
            "hidden by a moderator"));
        writes.put("publication after review", () -> server.core.publications.change(brand, answer,
            PublicationState.PUBLISHED, null, "published after review"));
        return writes;
    }
}
