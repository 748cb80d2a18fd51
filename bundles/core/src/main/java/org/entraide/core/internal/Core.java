package org.entraide.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.event.EventLog;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.core.internal.brand.BrandAdministration;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.db.FlywayMigrator;
import org.entraide.core.internal.event.OutboxEventLog;
import org.entraide.core.internal.post.ComplaintQueries;
import org.entraide.core.internal.post.ComplaintService;
import org.entraide.core.internal.post.Posts;
import org.entraide.core.internal.post.QuestionQueries;
import org.entraide.core.internal.post.QuestionService;
import org.entraide.core.internal.post.SubmissionGate;
import org.entraide.core.internal.post.VoteService;
import org.entraide.core.internal.rest.AdminRoutes;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.ApiRoutes;
import org.entraide.core.internal.rest.AuthRoutes;
import org.entraide.core.internal.rest.ComplaintRoutes;
import org.entraide.core.internal.rest.HealthRoutes;
import org.entraide.core.internal.rest.JsonCodec;
import org.entraide.core.internal.rest.OpenApiRoutes;
import org.entraide.core.internal.rest.QuestionRoutes;
import org.entraide.core.internal.rest.RateLimits;
import org.entraide.core.internal.rest.RequestBodies;
import org.entraide.core.internal.security.InstanceAdmins;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.user.AccountService;
import org.entraide.core.internal.user.Users;

/**
 * The core's object graph, built from a DataSource and settings, with no OSGi types: the DS component
 * and the tests build the same thing.
 */
public final class Core {
    public final Database db;
    public final SchemaMigrator migrator;
    public final EventLog events;
    public final BrandDirectory brands;
    public final BrandAdministration administration;
    public final AccountService accounts;
    public final QuestionService questions;
    public final QuestionQueries questionQueries;
    public final VoteService votes;
    public final ComplaintService complaints;
    public final ComplaintQueries complaintQueries;
    public final RequestBodies bodies;
    public final List<RoutesBuilder> routes;

    public Core(DataSource dataSource, CoreSettings settings, InstanceAdmins instanceAdmins, PasswordHasher hasher,
                Clock clock) {
        this.migrator = new FlywayMigrator(dataSource);
        migrator.migrate("core", Core.class.getClassLoader(), "db/core");
        this.db = new Database(dataSource);
        ObjectMapper json = JsonCodec.create();
        this.events = new OutboxEventLog(json, clock);
        this.brands = new BrandDirectory(db);
        Users users = new Users(events);
        this.administration = new BrandAdministration(db, brands, users, hasher, clock);
        this.accounts = new AccountService(db, brands, users, hasher, clock, settings.tokenLifetime());
        ContentRenderer renderer = new ContentRenderer();
        Posts posts = new Posts(events, SubmissionGate.PUBLISH_ALL);
        this.questions = new QuestionService(db, brands, posts, events, renderer, clock);
        this.questionQueries = new QuestionQueries(db);
        this.votes = new VoteService(db, posts, events, clock);
        this.complaints = new ComplaintService(db, brands, posts, events, renderer, clock);
        this.complaintQueries = new ComplaintQueries(db);
        this.bodies = new RequestBodies(json, settings.maxBodyBytes());
        RateLimits limits = new RateLimits(clock, settings.rateWindow(), settings.rateLimits());
        ApiDispatcher dispatcher = new ApiDispatcher(json, bodies, accounts, brands::require);
        List<ApiRoutes> api = List.of(
            new HealthRoutes(dispatcher, db),
            new AuthRoutes(dispatcher, accounts, limits),
            new AdminRoutes(dispatcher, brands, administration, instanceAdmins, limits),
            new QuestionRoutes(dispatcher, questions, questionQueries, votes, limits),
            new ComplaintRoutes(dispatcher, complaints, complaintQueries, limits));
        List<RoutesBuilder> all = new ArrayList<>(api);
        all.add(new OpenApiRoutes(dispatcher, api));
        this.routes = List.copyOf(all);
    }

    /** Applies settings that may change while running. */
    public void update(CoreSettings settings) {
        accounts.setTokenLifetime(settings.tokenLifetime());
        bodies.setMaxBytes(settings.maxBodyBytes());
    }
}
