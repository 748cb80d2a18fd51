/**
 * The contract of the incidents plugin (crisis mode) with the core and other plugins: the events it appends, one
 * record per type ({@link org.entraide.api.incidents.IncidentDeclared}, {@link org.entraide.api.incidents.StatementPublished},
 * {@link org.entraide.api.incidents.IncidentUpdated}, {@link org.entraide.api.incidents.IncidentClosed},
 * {@link org.entraide.api.incidents.ItemAttached}, {@link org.entraide.api.incidents.RiseDetected}), their names in
 * {@link org.entraide.api.incidents.IncidentEvents}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.incidents;
