package org.entraide.moderation.internal.rules;

/** What a fired rule does, in the order they apply: a block wins over a hold, which wins over publishing. */
public enum Action {
    /** Refused, with the reason shown to the author. */
    BLOCK,
    /** Published only after a moderator's review. */
    HOLD,
    /** Personal data masked: "[masqué par la modération]". */
    REDACT,
    /** The watched word replaced. */
    CENSOR,
    /** Published, and queued for review. */
    FLAG,
    /** Published with a tag for moderators. */
    TAG
}
