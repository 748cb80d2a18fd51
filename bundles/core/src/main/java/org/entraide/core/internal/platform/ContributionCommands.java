package org.entraide.core.internal.platform;

import java.sql.Connection;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PublicationState;
import org.entraide.api.platform.Contributions;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.PostText;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.post.QuestionService;
import org.entraide.core.internal.post.Views;
import org.entraide.core.internal.rest.RateLimits;
import org.entraide.core.internal.user.AccountService;

/**
 * A member's contributions made by a plugin on their behalf, through exactly what the REST endpoints call: the same
 * text cleaning and length limit as the request body, the same posting rate limit, then the same service (the
 * submission pipeline, sanctions and redaction run there), with the member as the caller.
 */
public final class ContributionCommands implements Contributions {
    private final BrandDirectory brands;
    private final AccountService accounts;
    private final QuestionService questions;
    private final RateLimits limits;
    private final org.entraide.core.internal.post.ComplaintService complaints;
    private final Enrolment enrolment;

    public ContributionCommands(BrandDirectory brands, AccountService accounts, QuestionService questions, RateLimits limits,
                                org.entraide.core.internal.post.ComplaintService complaints, Enrolment enrolment) {
        this.brands = brands;
        this.accounts = accounts;
        this.questions = questions;
        this.limits = limits;
        this.complaints = complaints;
        this.enrolment = enrolment;
    }

    @Override
    public Outcome answer(Connection c, long brandId, long authorId, long questionId, String body) {
        String text = TextRules.clean(body, false);
        if (text == null || text.isBlank()) {
            return Outcome.refused("the answer is empty");
        }
        if (text.length() > PostText.BODY_MAX) {
            return Outcome.refused("the answer is longer than " + PostText.BODY_MAX + " characters");
        }
        Brand brand = brands.find(c, brandId).orElse(null);
        Caller caller = brand == null ? null : accounts.callerOf(c, brandId, authorId).orElse(null);
        if (caller == null) {
            return Outcome.refused("no member " + authorId + " in brand " + brandId);
        }
        try {
            limits.check("post", String.valueOf(caller.userId()));
            Views.AnswerView a = questions.answer(caller, brand, questionId, text);
            PublicationState state = PublicationState.valueOf(a.publication());
            return state == PublicationState.PUBLISHED ? new Outcome(Status.PUBLISHED, a.id(), null)
                : new Outcome(Status.HELD, a.id(), state.name());
        } catch (ProblemException e) {
            // the same refusals as the endpoint's 4xx answers, in the same words
            return Outcome.refused(e.getMessage());
        }
    }

    @Override
    public Outcome complain(Connection c, long brandId, long authorId, String storeCode, String title, String body) {
        Brand brand = brands.find(c, brandId).orElse(null);
        Caller caller = brand == null ? null : accounts.callerOf(c, brandId, authorId).orElse(null);
        if (caller == null) {
            return Outcome.refused("no member " + authorId + " in brand " + brandId);
        }
        try {
            String t = PostText.title(title);
            String b = PostText.body(body);
            limits.check("post", String.valueOf(caller.userId()));
            Views.ComplaintView v = complaints.file(caller, brand, t, b, storeCode, false);
            PublicationState state = PublicationState.valueOf(v.publication());
            return state == PublicationState.PUBLISHED ? new Outcome(Status.PUBLISHED, v.id(), null)
                : new Outcome(Status.HELD, v.id(), state.name());
        } catch (ProblemException e) {
            return Outcome.refused(e.getMessage());
        }
    }

    @Override
    public long memberFor(Connection c, long brandId, String email) {
        return enrolment.memberFor(c, brandId, email);
    }
}
