/**
 * The contract of the channels plugin (QR codes in stores, thanks to a store's team, the brand's widget, e-mail
 * intake) with other plugins: the events it appends, one record per type
 * ({@link org.entraide.api.channels.StoreThanked}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.channels;
