package org.entraide.api.event;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads an event's payload as its typed record. The platform provides it; any thread, never blocks.
 * Payloads of every past version read: a field the event's version did not have is null (false or 0 for
 * primitives), and a field it no longer has is ignored.
 */
@ProviderType
public interface EventReader {
    /** @throws IllegalArgumentException when {@code event} is not of the type {@code type} describes, or unreadable */
    <T extends Event> T read(DomainEvent event, Class<T> type);
}
