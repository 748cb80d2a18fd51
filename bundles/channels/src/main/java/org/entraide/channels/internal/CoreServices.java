package org.entraide.channels.internal;

import org.entraide.api.event.EventLog;
import org.entraide.api.mail.Mail;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Contributions;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.Pictures;

/** What the plugin uses of the platform, as Karaf or a test gives it. */
public record CoreServices(Transactions tx, SchemaMigrator migrator, ApiEndpoints endpoints, Stores stores, Brands brands,
                           Members members, Posts posts, EventLog events, Contributions contributions, Mail mail,
                           BrandFeatures features, Pictures pictures) {
}
