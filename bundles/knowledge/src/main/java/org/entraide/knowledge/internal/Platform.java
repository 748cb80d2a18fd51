package org.entraide.knowledge.internal;

import org.entraide.api.event.EventLog;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.storage.Transactions;
import org.entraide.api.text.Markdown;

/** The core's services the plugin uses, in one value. */
public record Platform(Transactions tx, EventLog events, Posts posts, Members members, Stores stores, Brands brands,
                       Markdown markdown) {
}
