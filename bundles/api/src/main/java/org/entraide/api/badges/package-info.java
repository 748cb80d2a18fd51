/**
 * The contract of the badges plugin with the core and other plugins: topic expertise, read by moderation
 * (experts may skip pre-moderation in their topic) and by views (expert answers are marked); the events it appends,
 * one record per type ({@link org.entraide.api.badges.BadgeAwarded}, {@link org.entraide.api.badges.BadgeRevoked}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.entraide.api.badges;
