package org.entraide.core.internal.rest;

import java.util.List;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.model.Topic;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.brand.BrandAdministration;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.rest.openapi.Doc;

/** Brands (for instance administrators), and stores, topics and member roles (for brand admins). */
public final class AdminRoutes extends ApiRoutes {
    private final BrandDirectory directory;
    private final BrandAdministration admin;
    private final InstanceAdminCheck instanceAdmins;

    public AdminRoutes(ApiDispatcher dispatcher, BrandDirectory directory, BrandAdministration admin,
                       InstanceAdminCheck instanceAdmins) {
        super(dispatcher);
        this.directory = directory;
        this.admin = admin;
        this.instanceAdmins = instanceAdmins;
    }

    @Override
    public void configure() {
        post("/admin/brands", "admin.brands.create", Doc.of("Create a brand and its first brand admin")
                .body(Requests.NewBrand.class).created(Brand.class).basic().errors(409, 429), r -> {
            instanceAdmins.require(r);
            Requests.NewBrand b = r.body(Requests.NewBrand.class);
            Brand brand = admin.createBrand(b.slug(), b.name(), b.adminEmail(), b.adminPassword(), b.adminPseudonym());
            return ApiReply.created(BASE + "/brands/" + brand.slug(), brand);
        });
        get("/admin/brands", "admin.brands.list", Doc.of("List every brand").itemsOf(Brand.class).basic().errors(429), r -> {
            instanceAdmins.require(r);
            return ApiReply.ok(new Items<>(directory.all()));
        });
        get("/brands/{brand}", "brands.get", Doc.of("A brand").returns(Brand.class), r -> ApiReply.ok(r.brand()));
        get("/brands/{brand}/stores", "stores.list", Doc.of("List the brand's stores, by code")
                .pageOf(Store.class).query("q", "text to find in the name or city, a postal code prefix, or a code"), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(directory.stores(brand.id(), r.query("q"), r.page()));
        });
        post("/brands/{brand}/stores", "stores.create", Doc.of("Create a store, or replace the one with that code")
                .body(Requests.Store.class).created(Store.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Store s = r.body(Requests.Store.class);
            var store = admin.saveStore(caller, brand, storeData(s));
            return ApiReply.created(BASE + "/brands/" + brand.slug() + "/stores/" + store.code(), store);
        });
        put("/brands/{brand}/stores/{code}", "stores.update",
            Doc.of("Update the store with the URL's code, or create it; the body repeats the code")
                .body(Requests.Store.class).returns(Store.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Store s = r.body(Requests.Store.class);
            if (!s.code().equals(r.path("code"))) {
                throw ProblemException.invalid("code", "must match the store code of the URL");
            }
            return ApiReply.ok(admin.saveStore(caller, brand, storeData(s)));
        });
        get("/brands/{brand}/topics", "topics.list", Doc.of("List the brand's topics").itemsOf(Topic.class),
            r -> ApiReply.ok(new Items<>(directory.topics(r.brand().id()))));
        post("/brands/{brand}/topics", "topics.create", Doc.of("Create a topic")
                .body(Requests.Topic.class).created(Topic.class).bearer(Role.BRAND_ADMIN).errors(409), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Topic t = r.body(Requests.Topic.class);
            var topic = admin.createTopic(caller, brand, t.slug(), t.name());
            return ApiReply.created(BASE + "/brands/" + brand.slug() + "/topics/" + topic.slug(), topic);
        });
        get("/brands/{brand}/members/{id}", "members.get", Doc.of("A member with their e-mail and roles")
                .returns(BrandAdministration.Member.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(admin.member(r.caller(), brand, r.pathId("id")));
        });
        put("/brands/{brand}/members/{id}/roles", "members.roles", Doc.of("Set a member's roles and managed stores")
                .body(Requests.Roles.class).returns(BrandAdministration.Member.class).bearer(Role.BRAND_ADMIN).errors(409),
            r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Roles body = r.body(Requests.Roles.class);
            return ApiReply.ok(admin.setRoles(caller, brand, id, body.roles(),
                body.storeCodes() == null ? List.of() : body.storeCodes()));
        });
    }

    private static BrandAdministration.StoreData storeData(Requests.Store s) {
        if ((s.latitude() == null) != (s.longitude() == null)) {
            throw ProblemException.invalid("latitude", "latitude and longitude go together");
        }
        return new BrandAdministration.StoreData(s.code(), s.name(), s.city(), s.postalCode(), s.latitude(), s.longitude());
    }
}
