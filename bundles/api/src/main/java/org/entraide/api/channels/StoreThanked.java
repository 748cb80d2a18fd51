package org.entraide.api.channels;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * Someone thanked a store's team. {@code thanksId} is the channels plugin's row; {@code userId} is null when the
 * thanks came from a visitor who did not sign in; {@code source} says where it came from ("form", "qr", "widget").
 * The message itself stays with the plugin.
 */
@EventType(name = ChannelEvents.STORE_THANKED, subject = ChannelEvents.SUBJECT_STORE)
public record StoreThanked(long thanksId, long storeId, String storeCode, Long userId, String source) implements Event {
}
