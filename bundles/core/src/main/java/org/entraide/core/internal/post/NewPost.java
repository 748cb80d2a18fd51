package org.entraide.core.internal.post;

import java.util.List;

import org.entraide.api.model.PostType;

/** What a submission stores, before the pipeline decides its publication state. */
public record NewPost(long brandId, PostType type, Long parentId, long authorId, String title, String body,
                      Long topicId, Long storeId, boolean official, boolean showAuthor, List<String> tags) {
    public NewPost {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
