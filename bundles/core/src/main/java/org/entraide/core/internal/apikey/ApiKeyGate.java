package org.entraide.core.internal.apikey;

import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.RateLimits;

/**
 * What the dispatcher asks of an API key before any operation runs: a valid key (401 otherwise), a URL of its own
 * brand and an operation one of its scopes lists (403 otherwise), its rate limit (429); and afterwards, a log of
 * what it changed. Operations themselves then see the key's caller like any other, so a plugin's endpoint needs
 * nothing of its own to keep keys in their scopes.
 */
public final class ApiKeyGate implements ApiDispatcher.KeyGate {
    static final String LIMIT = "apikey";
    private static final java.util.regex.Pattern BRAND = java.util.regex.Pattern.compile("^/api/v1/brands/([^/]+)(/.*)?$");

    private final ApiKeys keys;
    private final RateLimits limits;

    public ApiKeyGate(ApiKeys keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    @Override
    public ApiKeys.KeyCaller admit(String authorization, String method, String path) {
        ApiKeys.KeyCaller key = keys.authenticate(authorization);
        try {
            var m = path == null ? null : BRAND.matcher(path);
            if (m == null || !m.matches() || !m.group(1).equals(key.caller().brandSlug())) {
                throw ProblemException.forbidden("an API key acts on its own brand only");
            }
            String scope = ApiKeyScopes.required(method, path).orElseThrow(() ->
                ProblemException.forbidden("no API key may call this operation (accounts and settings are for people)"));
            if (!key.scopes().contains(scope)) {
                throw ProblemException.forbidden("this API key lacks the scope " + scope);
            }
            limits.check(LIMIT, "key:" + key.keyId());
            return key;
        } catch (ProblemException refused) {
            // a write the key tried and was refused is worth knowing too (a system misconfigured, or a leaked key)
            if (!method.equals("GET") && !method.equals("HEAD")) {
                done(key, method, path == null ? "?" : path, refused.status());
            }
            throw refused;
        }
    }

    @Override
    public void done(ApiKeys.KeyCaller key, String method, String path, int status) {
        keys.record(key.keyId(), method, path, status);
    }
}
