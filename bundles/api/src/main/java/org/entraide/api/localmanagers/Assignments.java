package org.entraide.api.localmanagers;

import java.sql.Connection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who handles a complaint, for other plugins that must reach those people and only them (the channels' contact relay,
 * the attachments' readers). The local-managers plugin provides it when installed, so its users take it as an optional
 * service; without it they know only the store's managers. Called on the caller's thread, joining its transaction
 * ({@code connection}); reads only, one query; does not block beyond that read.
 */
@ProviderType
public interface Assignments {
    /**
     * The complaint's assignment, or empty for a complaint local managers did not route (not about a store, not
     * published yet, of a brand that did not enable {@value LocalManagerEvents#CAPABILITY} when it was published, or of
     * another brand).
     */
    Optional<Assignment> of(Connection connection, long brandId, long complaintId);
}
