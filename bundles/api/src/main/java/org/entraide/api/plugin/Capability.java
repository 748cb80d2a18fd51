package org.entraide.api.plugin;

/**
 * A capability a brand enables or disables (reputation, badges, moderation...). Plugins implement it,
 * one per plugin; the platform lists the registered ones in {@code /api/v1/brands/{brand}/features}.
 * Called on any thread; must not block.
 */
public interface Capability {
    /** Short stable name, such as "reputation": lower-case letters, digits and '-'. */
    String name();

    /** One line for administrators. */
    String description();

    /** Whether a brand that never chose has it enabled. */
    default boolean enabledByDefault() {
        return false;
    }
}
