package org.entraide.knowledge.internal;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.entraide.api.text.MultiLine;

/**
 * The request bodies of the knowledge endpoints, read by the core's JSON reader: an unknown field, a wrong type or a
 * broken constraint is a 400 problem naming the field before any handler runs. Texts are cleaned as they are read.
 */
public final class Bodies {
    static final String DAY = "\\d{4}-\\d{2}-\\d{2}";

    private Bodies() {
    }

    /**
     * An article written or edited by staff. {@code publish} false or absent keeps it a draft; {@code verified} true
     * stamps it "verified by the brand" now (brand admins only); {@code reviewOn} absent: in the brand's review days;
     * {@code ownerId} absent: the writer (or the current owner for an edit).
     */
    public record ArticleBody(@NotBlank @Size(max = 200) String title, @NotBlank @MultiLine @Size(max = 50_000) String body,
                              @Size(max = 64) String topic, @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
                              @Pattern(regexp = "fr|en") String language,
                              @Size(max = 50) List<@NotBlank @Size(max = 64) String> stores,
                              @Size(max = 20) List<@NotBlank @Size(max = 64) String> regions, Boolean publish,
                              Boolean verified, @Pattern(regexp = DAY) String reviewOn, @Positive Long ownerId) {
    }

    /** A post made an article: every field optional, taken from the post's thread when absent. */
    public record Promotion(@Size(max = 200) String title, @Size(max = 64) String topic,
                            @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
                            @Pattern(regexp = "fr|en") String language, Boolean publish, Boolean verified,
                            @Pattern(regexp = DAY) String reviewOn) {
    }

    /** A reader's vote; {@code reason} is required when not helpful. */
    public record HelpfulVote(@NotNull Boolean helpful, @Size(max = 280) String reason) {
    }

    public record KnowledgeSettings(@NotNull @Min(0) @Max(1000) Integer promotionPoints,
                           @NotNull @Min(1) @Max(3650) Integer reviewDays) {
    }
}
