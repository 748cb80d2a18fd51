package org.entraide.core.internal.rest.openapi;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.entraide.api.model.Role;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.paging.CursorPage;
import org.entraide.core.internal.paging.Page;
import org.entraide.core.internal.paging.PageRequest;

/**
 * What one endpoint promises its clients, given where the endpoint is registered so that the OpenAPI description is
 * generated from the same call and cannot drift from it. Immutable: every step returns a new description.
 *
 * @param summary  one line for humans
 * @param body     the request body record, or null when the endpoint reads none
 * @param response the Java type of the success body (a record, possibly generic), or null when there is none
 * @param status   the success status: 200, 201 (with a Location header), 202 or 204
 * @param access   who may call it
 * @param roles    the brand roles that may call it; empty means any member of the brand
 * @param query    the query parameters the endpoint reads, in order; the dispatcher rejects any other
 * @param errors   problem statuses beyond those implied by the body, access and path (such as 409 or 429)
 * @param alsoSucceeds other success statuses the endpoint may answer (a plugin's write: 201 or 204 beside 200)
 * @param produces the media types of the success body; empty means application/json
 * @param upload   the raw body the endpoint reads instead of JSON (an image), or null
 */
public record Doc(String summary, Class<?> body, Type response, int status, Access access, Set<Role> roles,
                  List<QueryParam> query, SortedSet<Integer> errors, SortedSet<Integer> alsoSucceeds, List<String> produces,
                  Upload upload) {

    /** A raw request body of one of {@code mediaTypes}, at most {@code maxBytes} long (its own limit, not the JSON one). */
    public record Upload(int maxBytes, List<String> mediaTypes) {
        public Upload {
            mediaTypes = List.copyOf(mediaTypes);
        }
    }

    /** How a caller authenticates. */
    public enum Access {
        PUBLIC,
        /** Public, but a bearer token changes what is shown (such as the caller's own vote). */
        OPTIONAL_BEARER,
        BEARER,
        /** HTTP Basic credentials of an instance administrator. */
        BASIC,
        /**
         * An instance administrator: HTTP Basic credentials, or the bearer token of an instance console session
         * (a member's token is a 403).
         */
        INSTANCE
    }

    /**
     * A query parameter: a whole number when {@code minimum} is set, otherwise text; {@code values} lists the accepted
     * values when they are a closed set.
     */
    public record QueryParam(String name, String description, Integer minimum, Integer maximum, List<String> values) {
        public QueryParam {
            values = List.copyOf(values);
        }

        public boolean integer() {
            return minimum != null;
        }
    }

    public Doc {
        roles = Set.copyOf(roles);
        query = List.copyOf(query);
        errors = Collections.unmodifiableSortedSet(new TreeSet<>(errors));
        alsoSucceeds = Collections.unmodifiableSortedSet(new TreeSet<>(alsoSucceeds));
        produces = List.copyOf(produces);
    }

    public static Doc of(String summary) {
        return new Doc(summary, null, null, 200, Access.PUBLIC, Set.of(), List.of(), new TreeSet<>(), new TreeSet<>(), List.of(), null);
    }

    public Doc body(Class<?> type) {
        return new Doc(summary, type, response, status, access, roles, query, errors, alsoSucceeds, produces, upload);
    }

    public Doc returns(Type type) {
        return new Doc(summary, body, type, 200, access, roles, query, errors, alsoSucceeds, produces, upload);
    }

    /** 201 with the new resource in the body and its URL in the Location header. */
    public Doc created(Type type) {
        return new Doc(summary, body, type, 201, access, roles, query, errors, alsoSucceeds, produces, upload);
    }

    /** 202: the request is taken and its outcome is told elsewhere (by e-mail), whatever it was. */
    public Doc accepted(Type type) {
        return new Doc(summary, body, type, 202, access, roles, query, errors, alsoSucceeds, produces, upload);
    }

    public Doc noContent() {
        return new Doc(summary, body, null, 204, access, roles, query, errors, alsoSucceeds, produces, upload);
    }

    /** A paginated list: answers {@link Page} of {@code item} and reads the page and size parameters. */
    public Doc pageOf(Class<?> item) {
        return returns(GenericType.of(Page.class, item))
            .with(new QueryParam("page", "1-based page number (default 1); page × size at most "
                + PageRequest.MAX_DEPTH, 1, null, List.of()))
            .with(new QueryParam("size", "items per page (default 20)", 1, PageRequest.MAX_SIZE, List.of()));
    }

    /**
     * A long list paged by keyset: answers {@link CursorPage} of {@code item} and reads page, size and after (the
     * cursor a page gives as next).
     */
    public Doc cursorPageOf(Class<?> item) {
        return returns(GenericType.of(CursorPage.class, item))
            .with(new QueryParam("page", "1-based page number (default 1), for the first pages only: page × size at most "
                + PageRequest.MAX_DEPTH + "; not with after", 1, null, List.of()))
            .with(new QueryParam("size", "items per page (default 20)", 1, PageRequest.MAX_SIZE, List.of()))
            .with(new QueryParam("after", "the next cursor of the previous page (opaque; valid for the same brand, "
                + "filters and sort only): the page after it, however deep", null, null, List.of()));
    }

    /** A short list that is never paginated, answered as {@link Items}. */
    public Doc itemsOf(Class<?> item) {
        return returns(GenericType.of(Items.class, item));
    }

    public Doc query(String name, String description, String... values) {
        return with(new QueryParam(name, description, null, null, List.of(values)));
    }

    public Doc bearer(Role... onlyRoles) {
        return new Doc(summary, body, response, status, Access.BEARER, Set.of(onlyRoles), query, errors, alsoSucceeds, produces, upload);
    }

    public Doc optionalBearer() {
        return new Doc(summary, body, response, status, Access.OPTIONAL_BEARER, roles, query, errors, alsoSucceeds, produces, upload);
    }

    public Doc basic() {
        return new Doc(summary, body, response, status, Access.BASIC, roles, query, errors, alsoSucceeds, produces, upload);
    }

    public Doc instance() {
        return new Doc(summary, body, response, status, Access.INSTANCE, roles, query, errors, alsoSucceeds, produces, upload);
    }

    public Doc errors(Integer... statuses) {
        SortedSet<Integer> all = new TreeSet<>(errors);
        all.addAll(Arrays.asList(statuses));
        return new Doc(summary, body, response, status, access, roles, query, all, alsoSucceeds, produces, upload);
    }

    /** Other success statuses, for an endpoint whose answer depends on what it did (created, or nothing to say). */
    public Doc alsoSucceeds(Integer... statuses) {
        SortedSet<Integer> all = new TreeSet<>(alsoSucceeds);
        all.addAll(Arrays.asList(statuses));
        return new Doc(summary, body, response, status, access, roles, query, errors, all, produces, upload);
    }

    /** The media types of the success body, when it is not (only) JSON. */
    public Doc produces(String... mediaTypes) {
        return new Doc(summary, body, response, status, access, roles, query, errors, alsoSucceeds, List.of(mediaTypes), upload);
    }

    /** The endpoint reads a raw body of one of these media types instead of JSON. */
    public Doc upload(int maxBytes, String... mediaTypes) {
        return new Doc(summary, body, response, status, access, roles, query, errors, alsoSucceeds, produces,
            new Upload(maxBytes, List.of(mediaTypes)));
    }

    /** The names of {@link #query()}, which are all the endpoint may read. */
    public Set<String> queryNames() {
        Set<String> names = new LinkedHashSet<>();
        query.forEach(q -> names.add(q.name()));
        return names;
    }

    /** The constant names of an enum, for a query parameter that accepts them. */
    public static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }

    /** Roles in their declaration order, for a stable description. */
    public List<Role> sortedRoles() {
        return roles.isEmpty() ? List.of() : new ArrayList<>(EnumSet.copyOf(roles));
    }

    private Doc with(QueryParam param) {
        List<QueryParam> all = new ArrayList<>(query);
        all.add(param);
        return new Doc(summary, body, response, status, access, roles, all, errors, alsoSucceeds, produces, upload);
    }
}
