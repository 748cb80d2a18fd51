package org.entraide.api.incidents;

/**
 * Events the incidents plugin appends, in the transaction of the change they describe, for brands that enabled the
 * {@value #CAPABILITY} capability. Their subject is the incident ({@code "incident"}); none names a complainant.
 */
public final class IncidentEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "incidents";

    /** What an incident event's subject id points at. */
    public static final String SUBJECT_INCIDENT = "incident";

    /** Staff declared an incident, or accepted one the detection proposed. */
    public static final String DECLARED = "incident.declared";

    /** The official statement, or an update of it, was published on an incident. */
    public static final String STATEMENT_PUBLISHED = "incident.statement-published";

    /** Staff changed an incident's title, theme, stores, regions or period. */
    public static final String UPDATED = "incident.updated";

    /** Staff closed an incident; its complaints were closed with it. */
    public static final String CLOSED = "incident.closed";

    /** A question or complaint was attached to an incident, by staff or by its theme. */
    public static final String ITEM_ATTACHED = "incident.item-attached";

    /** The detection saw complaints and questions rise well above their baseline and proposed an incident. */
    public static final String RISE_DETECTED = "incident.rise-detected";

    private IncidentEvents() {
    }
}
