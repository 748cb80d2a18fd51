/**
 * The contract of the badges plugin with the core and other plugins: topic expertise, read by moderation
 * (experts may skip pre-moderation in their topic) and by views (expert answers are marked).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.badges;
