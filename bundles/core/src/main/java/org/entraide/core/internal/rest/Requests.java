package org.entraide.core.internal.rest;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.entraide.api.model.Role;
import org.entraide.api.text.MultiLine;
import org.entraide.api.text.Verbatim;
import org.entraide.core.internal.content.PostText;

/**
 * Request bodies of the API, with the limits every client can rely on. Their strings are cleaned before these limits
 * are checked: one line unless {@link MultiLine}, as sent only when {@link Verbatim}.
 */
public final class Requests {
    static final String SLUG = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";
    static final String TAG = "[a-z0-9][a-z0-9-]{0,29}";

    static final String PSEUDONYM = "[\\p{L}\\p{N}_.-]+";
    static final String PSEUDONYM_MESSAGE = "letters, digits, '_', '.' and '-' only";
    static final String LOCALE = "fr|en";

    /**
     * {@code locale}: the language of the e-mails the account receives (default French); {@code acceptedTermsVersion}:
     * the version of the brand's terms the registrant accepted, required when the brand has terms.
     */
    public record Register(@NotBlank @Size(max = 40) String brand,
                           @NotBlank @Email @Size(max = 254) String email,
                           @NotNull @Size(min = 10, max = 128) @Verbatim String password,
                           @NotBlank @Size(min = 3, max = 30) @Pattern(regexp = PSEUDONYM, message = PSEUDONYM_MESSAGE)
                           String pseudonym,
                           @Pattern(regexp = LOCALE, message = "fr or en") String locale,
                           @Size(max = 40) String acceptedTermsVersion) {
    }

    /** {@code device}: what the sessions page shows of where this session was opened (a browser's user agent). */
    public record Login(@NotBlank @Size(max = 40) String brand,
                        @NotBlank @Size(max = 254) String email,
                        @NotNull @Size(max = 128) @Verbatim String password,
                        @Size(max = 300) String device) {
    }

    public record ResetRequest(@NotBlank @Size(max = 254) String email) {
    }

    public record NewPassword(@NotNull @Size(min = 10, max = 128) @Verbatim String password) {
    }

    public record PasswordChange(@NotNull @Size(max = 128) @Verbatim String currentPassword,
                                 @NotNull @Size(min = 10, max = 128) @Verbatim String password) {
    }

    /** A change of one's own account: a missing field stays as it is; an empty bio clears it. */
    public record ProfileChange(@Size(min = 3, max = 30) @Pattern(regexp = PSEUDONYM, message = PSEUDONYM_MESSAGE) String pseudonym,
                                @Size(max = 280) @MultiLine String bio,
                                @Pattern(regexp = LOCALE, message = "fr or en") String locale,
                                @Size(max = 64) String timeZone,
                                @Email @Size(max = 254) String email,
                                @Size(max = 128) @Verbatim String currentPassword) {
    }

    public record AccountPolicy(@NotNull Boolean unverifiedMayAsk, @NotNull Boolean unverifiedMayComplain) {
    }

    /**
     * A new API key: a name for people (the system it is for), its scopes ({@code complaints:read},
     * {@code complaints:respond}, {@code stores:manage}, {@code questions:read}, {@code posts:write},
     * {@code webhooks:manage}) and when it stops working (never when absent).
     */
    public record ApiKey(@NotBlank @Size(max = 80) String name,
                         @NotNull @Size(min = 1, max = 6) List<@NotNull @Size(max = 40) String> scopes,
                         java.time.Instant expiresAt) {
    }

    /** A brand's official note on an answer: Markdown, shown above it. */
    public record StaffNote(@NotBlank @Size(max = 2000) @MultiLine String body) {
    }

    /** Closing one's account: the current password, so that an unattended session is not enough. */
    public record AccountClosing(@NotNull @Size(max = 128) @Verbatim String currentPassword) {
    }

    /**
     * A brand's privacy settings: notice and terms as an https URL and a version each (both or neither), what becomes
     * of an erased member's posts ({@code KEEP} or {@code REMOVE}), retention in days.
     */
    public record PrivacyPolicy(@Size(max = 500) @Pattern(regexp = "https://\\S+", message = "an https URL") String noticeUrl,
                                @Size(max = 40) String noticeVersion,
                                @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "an https URL") String termsUrl,
                                @Size(max = 40) String termsVersion,
                                @NotNull @Pattern(regexp = "KEEP|REMOVE", message = "KEEP or REMOVE") String erasedPosts,
                                @NotNull @Min(1) @Max(3650) Integer threadDays,
                                @NotNull @Min(1) @Max(3650) Integer logDays) {
    }

    public record Question(@NotBlank @Size(min = PostText.TITLE_MIN, max = PostText.TITLE_MAX) String title,
                           @NotBlank @Size(max = PostText.BODY_MAX) @MultiLine String body,
                           @Size(max = 40) String topic,
                           @Size(max = 32) String storeCode,
                           @Size(max = 5) List<@NotNull @Pattern(regexp = TAG, message = "lower-case letters, digits and '-', 30 at most") String> tags) {
    }

    /** A new version of a post: {@code title} only for a question or a complaint (null keeps it). */
    public record PostEdit(@Size(min = PostText.TITLE_MIN, max = PostText.TITLE_MAX) String title,
                           @NotBlank @Size(max = PostText.BODY_MAX) @MultiLine String body) {
    }

    /** {@code editWindowMinutes}: how long after posting its author may edit a post; null for always. */
    public record ContentPolicy(@Min(1) @Max(525600) Integer editWindowMinutes) {
    }

    public record Body(@NotBlank @Size(max = PostText.BODY_MAX) @MultiLine String body) {
    }

    public record Vote(@NotNull @Min(-1) @Max(1) Integer value) {
    }

    /** A comment: one short paragraph of inline Markdown. */
    public record Comment(@NotBlank @Size(max = org.entraide.core.internal.content.CommentRenderer.MAX_LENGTH) @MultiLine
                          String body) {
    }

    /** A moderator's decision on a comment: PUBLISHED (publish a held one, restore a hidden one) or HIDDEN. */
    public record CommentDecision(@NotNull @Pattern(regexp = "PUBLISHED|HIDDEN", message = "PUBLISHED or HIDDEN")
                                  String publication) {
    }

    /** A null answerId withdraws the acceptance. */
    /** Closing a question as a duplicate of {@code originalId}. */
    public record DuplicateOf(@NotNull @Min(1) Long originalId) {
    }

    public record Accept(@Min(1) Long answerId) {
    }

    public record Complaint(@NotBlank @Size(min = PostText.TITLE_MIN, max = PostText.TITLE_MAX) String title,
                            @NotBlank @Size(max = PostText.BODY_MAX) @MultiLine String body,
                            @Size(max = 32) String storeCode,
                            Boolean showPseudonym) {
    }

    public record Resolution(@NotNull Boolean resolved,
                             @NotNull @Min(0) @Max(10) Integer rating,
                             @NotNull Boolean wouldBuyAgain) {
    }

    public record NewBrand(@NotBlank @Pattern(regexp = SLUG, message = "lower-case letters, digits and inner '-', 2 to 40") String slug,
                           @NotBlank @Size(max = 120) String name,
                           @NotBlank @Email @Size(max = 254) String adminEmail,
                           @NotNull @Size(min = 10, max = 128) @Verbatim String adminPassword,
                           @NotBlank @Size(min = 3, max = 30) @Pattern(regexp = "[\\p{L}\\p{N}_.-]+") String adminPseudonym) {
    }

    public record Store(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "letters, digits, '_' and '-', 32 at most") String code,
                        @NotBlank @Size(max = 120) String name,
                        @NotBlank @Size(max = 120) String city,
                        @NotBlank @Pattern(regexp = "[A-Za-z0-9 -]{2,16}") String postalCode,
                        // explicit messages: the default ones need an EL implementation to read well
                        @DecimalMin(value = "-90", message = "must be between -90 and 90")
                        @DecimalMax(value = "90", message = "must be between -90 and 90") Double latitude,
                        @DecimalMin(value = "-180", message = "must be between -180 and 180")
                        @DecimalMax(value = "180", message = "must be between -180 and 180") Double longitude) {
    }

    public record Topic(@NotBlank @Pattern(regexp = SLUG, message = "lower-case letters, digits and inner '-', 2 to 40") String slug,
                        @NotBlank @Size(max = 120) String name) {
    }

    public record Roles(@NotNull @Size(min = 1, max = 4) Set<@NotNull Role> roles,
                        @Size(max = 200) List<@NotBlank @Size(max = 32) String> storeCodes) {
    }

    /**
     * A brand's OpenID Connect provider. {@code clientSecret} is write-only: omitted or empty, the stored one stays.
     * Issuer, client id, secret and button label are required while {@code enabled}.
     */
    public record SsoSettings(@NotNull Boolean enabled,
                              @Size(max = 500) String issuer,
                              @Size(max = 200) String clientId,
                              @Size(max = 500) @Verbatim String clientSecret,
                              @NotNull Boolean passwordLoginEnabled,
                              @Size(max = 60) String buttonLabel) {
    }

    /**
     * What the provider sent back to the callback page: {@code code} and {@code state}, or {@code error}; {@code device}
     * as at login.
     */
    public record SsoCallback(@NotBlank @Size(max = 100) String state,
                              @Size(max = 2000) @Verbatim String code,
                              @Size(max = 200) String error,
                              @Size(max = 300) String device) {
    }

    private Requests() {
    }

    /** A draft's content: the title (questions, complaints), the body, and the form's other fields (topic, tags...). */
    public record Draft(@Size(max = 200) String title, @Size(max = 20_000) @MultiLine String body,
                        @Size(max = org.entraide.core.internal.draft.Drafts.MAX_FIELDS) java.util.Map<String, String> fields) {
    }

    /** The body of a capability's install or upgrade (instance console): a version, or none for the newest. */
    public record VersionChoice(@Size(max = 64) @Pattern(regexp = "[0-9A-Za-z._-]+",
        message = "letters, digits, '.', '_' and '-' only") String version) {
    }
}
