package org.entraide.api.channels;

/**
 * Events the channels plugin appends, in the transaction of the change they describe, for brands that enabled the
 * {@value #CAPABILITY} capability.
 */
public final class ChannelEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "channels";

    /** What a channels event's subject id points at: a store. */
    public static final String SUBJECT_STORE = "store";

    /** A store's team was thanked. Payload: {@code thanksId}, {@code storeId}, {@code storeCode}, {@code userId}, {@code source}. */
    public static final String STORE_THANKED = "store.thanked";

    private ChannelEvents() {
    }
}
