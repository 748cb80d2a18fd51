package org.entraide.reputation.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;

/** Checks shared by the reputation endpoints: who may change a brand's rules, and how bodies and pages are read. */
final class Access {
    static final int MAX_PAGE_SIZE = 100;
    /** The last page one may ask for: beyond it, page times size would overflow an offset. */
    static final int MAX_PAGE = 10_000;

    private Access() {
    }

    static Caller brandAdmin(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
        return caller;
    }

    static Caller moderator(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id() || !(caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN))) {
            throw ProblemException.forbidden("moderators of " + call.brand().slug() + " only");
        }
        return caller;
    }

    /**
     * An object of known keys to integers, or to null to go back to the default. Read as a tree rather than a record:
     * a record cannot tell a key sent as null (restore the default) from a key left out (leave it as it is). Unknown
     * keys are refused as the core's reader refuses unknown fields.
     */
    static Map<String, Integer> integers(ApiCall call, Set<String> known) {
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("send an object of names to integers (null restores the default)");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        body.fields().forEachRemaining(f -> {
            if (!known.contains(f.getKey())) {
                throw ProblemException.invalid(f.getKey(), "unknown; expected one of " + known);
            }
            JsonNode v = f.getValue();
            if (!v.isNull() && !(v.isIntegralNumber() && v.canConvertToInt())) {
                throw ProblemException.invalid(f.getKey(), "must be an integer or null");
            }
            out.put(f.getKey(), v.isNull() ? null : v.intValue());
        });
        return out;
    }

    /** A positive id in the query. */
    static long id(ApiCall call, String name) {
        try {
            long v = Long.parseLong(call.query(name).trim());
            if (v < 1) {
                throw ProblemException.invalid(name, "must be a positive id");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a positive id");
        }
    }
}
