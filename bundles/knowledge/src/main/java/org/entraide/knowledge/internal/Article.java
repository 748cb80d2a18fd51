package org.entraide.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as stored: its current version. {@code storeIds} and {@code regions} say where it applies (empty:
 * everywhere); {@code contributorId} wrote the post it was promoted from ({@code sourcePostId}, in the thread
 * {@code sourceThreadId}).
 */
record Article(long id, long brandId, String title, String body, String bodyHtml, Long topicId, List<String> tags,
               String language, List<Long> storeIds, List<String> regions, Status status, boolean deleted, int version,
               long ownerId, Long contributorId, Long sourcePostId, Long sourceThreadId, Instant verifiedAt,
               Long verifiedBy, LocalDate reviewOn, Instant createdAt, Instant updatedAt) {
    enum Status { DRAFT, PUBLISHED }

    Article {
        tags = List.copyOf(tags);
        storeIds = List.copyOf(storeIds);
        regions = List.copyOf(regions);
    }

    boolean isPublished() {
        return status == Status.PUBLISHED && !deleted;
    }

    /** What an edit may change; everything else is kept. */
    record Content(String title, String body, String bodyHtml, Long topicId, List<String> tags, String language,
                   List<Long> storeIds, List<String> regions, Status status, LocalDate reviewOn) {
        Content {
            tags = List.copyOf(tags);
            storeIds = List.copyOf(storeIds);
            regions = List.copyOf(regions);
        }
    }
}
