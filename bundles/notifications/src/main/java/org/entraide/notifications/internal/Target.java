package org.entraide.notifications.internal;

import java.util.Set;

/** Something a member follows: a question (its id), a topic (its slug), a tag or a store (its code). */
record Target(String type, String key) {
    static final Set<String> TYPES = Set.of("question", "topic", "tag", "store");
    static final Set<String> LEVELS = Set.of("watching", "tracking", "muted");

    static Target question(long id) {
        return new Target("question", Long.toString(id));
    }
}
