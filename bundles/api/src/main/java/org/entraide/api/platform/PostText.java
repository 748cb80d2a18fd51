package org.entraide.api.platform;

/**
 * A post's text as the core stored it (cleaned), for plugins that review or compare it; {@code authorShown} is
 * false for a complaint whose author chose not to be shown (a plugin then shows no author to anyone).
 */
public record PostText(String title, String body, boolean authorShown) {
}
