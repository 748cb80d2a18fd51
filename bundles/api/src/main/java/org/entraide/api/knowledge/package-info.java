/**
 * The contract of the knowledge plugin with the core and other plugins: the events it appends, one record per type
 * ({@link org.entraide.api.knowledge.ArticlePublished}, {@link org.entraide.api.knowledge.ArticleWithdrawn},
 * {@link org.entraide.api.knowledge.ArticlePromoted}, {@link org.entraide.api.knowledge.ArticleReviewDue}), and the
 * published articles it provides to indexes ({@link org.entraide.api.knowledge.Articles}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.knowledge;
