package org.entraide.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;

/**
 * {@code POST .../search/proposals}: the posts most like an asker's title, recorded as shown to them;
 * {@code POST .../search/proposals/{token}/outcome}: what the asker did next; {@code GET .../search/proposals/figures}:
 * how often askers stop at a proposal, for the brand admin.
 */
final class ProposalApi {
    static final Set<String> FIGURE_PARAMS = Set.of("days");
    static final String TOKEN = "[A-Za-z0-9_-]{22}";

    /** {@code proposal}: the token the ask page got with its first proposals, so that its later ones merge there. */
    record Shown(@NotBlank @Size(max = SearchApi.MAX_QUERY) String title, @Pattern(regexp = TOKEN) String proposal) {
    }

    /** {@code opened} names the proposed post opened ({@code kind} and {@code id}); {@code asked} needs neither. */
    record Outcome(@NotNull @Pattern(regexp = "opened|asked") String outcome, @Pattern(regexp = "[a-z]{1,20}") String kind,
                   @Positive Long id) {
    }

    private final Transactions tx;
    private final SearchApi search;
    private final Proposals proposals;
    private final Clock clock;

    ProposalApi(Transactions tx, SearchApi search, Proposals proposals, Clock clock) {
        this.tx = tx;
        this.search = search;
        this.proposals = proposals;
        this.clock = clock;
    }

    ApiResult shown(ApiCall call) {
        Caller me = call.caller();
        Shown body = call.body(Shown.class);
        long brandId = call.brand().id();
        List<Map<String, Object>> items = search.similarItems(brandId, body.title(), 5);
        List<Map<String, Object>> articles = search.similarArticles(brandId, body.title());
        List<String> keys = new java.util.ArrayList<>(items.stream()
            .map(i -> Proposals.item((String) i.get("type"), (Long) i.get("id"))).toList());
        // the brand's articles are proposed beside the community's questions, and counted the same way
        articles.forEach(a -> keys.add(Proposals.item("article", ((Number) a.get("id")).longValue())));
        String token = tx.inTransaction(c -> proposals.shown(c, brandId, me.userId(), body.proposal(), keys, clock.instant()))
            .orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("proposal", token);
        out.put("items", items);
        out.put("articles", articles);
        return ApiResult.ok(out);
    }

    ApiResult outcome(ApiCall call) {
        Caller me = call.caller();
        String token = call.path("token");
        Outcome body = call.body(Outcome.class);
        long brandId = call.brand().id();
        String now = tx.inTransaction(c -> {
            Proposals.Proposal p = token.matches(TOKEN) ? proposals.find(c, brandId, token)
                .filter(x -> x.userId() != null && x.userId() == me.userId()).orElse(null) : null;
            if (p == null) {
                throw ProblemException.notFound("no such proposal");
            }
            String opened = null;
            if (Proposals.OPENED.equals(body.outcome())) {
                if (body.kind() == null || body.id() == null) {
                    throw ProblemException.invalid("id", "opened needs the kind and id of the proposed post");
                }
                opened = Proposals.item(body.kind(), body.id());
                if (!p.items().contains(opened)) {
                    throw ProblemException.invalid("id", "was not proposed");
                }
            }
            return proposals.outcome(c, p, body.outcome(), opened, clock.instant());
        });
        return ApiResult.ok(Map.of("outcome", now));
    }

    ApiResult figures(ApiCall call) {
        if (!call.caller().has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins only");
        }
        int days = call.intQuery("days", 30, 1, 365);
        long brandId = call.brand().id();
        Proposals.Figures f = tx.inTransaction(c -> proposals.figures(c, brandId, clock.instant().minus(Duration.ofDays(days))));
        return ApiResult.ok(f.json(days));
    }
}
