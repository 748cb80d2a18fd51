/**
 * The plugin SPI. A plugin is a bundle plus a Karaf feature; it contributes OSGi services (Declarative
 * Services components): a {@link org.entraide.api.plugin.Capability} that brands enable, event subscribers,
 * submission steps, {@link org.entraide.api.plugin.OfficialResponders} (who else answers complaints officially),
 * and Camel {@code RoutesBuilder}s for its REST routes. The platform provides
 * {@link org.entraide.api.plugin.BrandFeatures}. See docs/plugins.md.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.entraide.api.plugin;
