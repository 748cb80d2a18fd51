package org.entraide.api.localmanagers;

/**
 * Events the local-managers plugin appends about complaints filed with a store, for brands that enabled the
 * {@value #CAPABILITY} capability. Their subject is the complaint ({@code "post"}).
 */
public final class LocalManagerEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "local-managers";

    /**
     * A complaint was routed to a store manager. Payload: {@code complaintId}, {@code storeId}, {@code managerId},
     * {@code dueAt}, {@code timeZone} (the store's, in which the deadline is told).
     */
    public static final String COMPLAINT_ASSIGNED = "complaint.assigned";

    /** Half or 90 % of the first-response time has passed. Payload: as assigned, plus {@code percent}. */
    public static final String COMPLAINT_REMINDER = "complaint.reminder";

    /**
     * The deadline passed: the complaint goes to the region's managers, then to the central team. Payload: {@code to}
     * ("region" or "central"), as assigned, and for the region {@code managerIds} (its managers, who answer now).
     */
    public static final String COMPLAINT_ESCALATED = "complaint.escalated";

    /** An answered complaint closed without its author's evaluation, 15 days after the response. Payload: {@code complaintId}, {@code evaluated} (false). */
    public static final String COMPLAINT_CLOSED = "complaint.closed";

    /** The assigned manager passed the complaint to another store. Payload: {@code complaintId}, {@code fromStoreId}, {@code storeId}, {@code managerId}, {@code reason}. */
    public static final String COMPLAINT_DELEGATED = "complaint.delegated";

    /** The assigned manager asked the complainant for details, privately. Payload: {@code complaintId}, {@code messageId}. */
    public static final String DETAILS_REQUESTED = "complaint.details-requested";

    /** The complainant answered the manager privately. Payload: {@code complaintId}, {@code messageId}. */
    public static final String DETAILS_GIVEN = "complaint.details-given";

    /**
     * A party reported a private message of the other party to the moderators. Payload: {@code complaintId},
     * {@code messageId}, {@code reportId}, {@code text}, {@code authorRole}, {@code author}, {@code managerId} (0 for the complainant), {@code reason}
     * (see {@link PrivateMessageReported}).
     */
    public static final String MESSAGE_REPORTED = "complaint.message-reported";

    private LocalManagerEvents() {
    }
}
