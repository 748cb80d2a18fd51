package org.entraide.core.internal.rest;

import java.util.List;
import java.util.Map;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.brand.BrandAdministration;
import org.entraide.core.internal.brand.BrandDirectory;

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
        post("/admin/brands", "admin.brands.create", r -> {
            instanceAdmins.require(r.authorizationHeader());
            Requests.NewBrand b = r.body(Requests.NewBrand.class);
            Brand brand = admin.createBrand(b.slug(), b.name(), b.adminEmail(), b.adminPassword(), b.adminPseudonym());
            return ApiReply.created(BASE + "/brands/" + brand.slug(), brand);
        });
        get("/admin/brands", "admin.brands.list", r -> {
            instanceAdmins.require(r.authorizationHeader());
            return ApiReply.ok(Map.of("items", directory.all()));
        });
        get("/brands/{brand}", "brands.get", r -> ApiReply.ok(r.brand()));
        get("/brands/{brand}/stores", "stores.list", r -> {
            Brand brand = r.brand();
            return ApiReply.ok(directory.stores(brand.id(), r.query("q"), r.page()));
        });
        post("/brands/{brand}/stores", "stores.create", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Store s = r.body(Requests.Store.class);
            var store = admin.saveStore(caller, brand, storeData(s));
            return ApiReply.created(BASE + "/brands/" + brand.slug() + "/stores/" + store.code(), store);
        });
        put("/brands/{brand}/stores/{code}", "stores.update", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Store s = r.body(Requests.Store.class);
            if (!s.code().equals(r.path("code"))) {
                throw ProblemException.invalid("code", "must match the store code of the URL");
            }
            return ApiReply.ok(admin.saveStore(caller, brand, storeData(s)));
        });
        get("/brands/{brand}/topics", "topics.list", r -> ApiReply.ok(Map.of("items", directory.topics(r.brand().id()))));
        post("/brands/{brand}/topics", "topics.create", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Topic t = r.body(Requests.Topic.class);
            var topic = admin.createTopic(caller, brand, t.slug(), t.name());
            return ApiReply.created(BASE + "/brands/" + brand.slug() + "/topics/" + topic.slug(), topic);
        });
        get("/brands/{brand}/members/{id}", "members.get", r -> {
            Brand brand = r.brand();
            return ApiReply.ok(admin.member(r.caller(), brand, r.pathId("id")));
        });
        put("/brands/{brand}/members/{id}/roles", "members.roles", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Roles body = r.body(Requests.Roles.class);
            return ApiReply.ok(admin.setRoles(caller, brand, id, body.roles(),
                body.storeCodes() == null ? List.of() : body.storeCodes()));
        });
        get("/brands/{brand}/me", "members.me", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            if (caller.brandId() != brand.id()) {
                throw ProblemException.forbidden("your account belongs to another brand");
            }
            return ApiReply.ok(Map.of("id", caller.userId(), "pseudonym", caller.pseudonym(), "brand", brand.slug(),
                "roles", caller.roles(), "storeIds", caller.storeIds()));
        });
    }

    private static BrandAdministration.StoreData storeData(Requests.Store s) {
        if ((s.latitude() == null) != (s.longitude() == null)) {
            throw ProblemException.invalid("latitude", "latitude and longitude go together");
        }
        return new BrandAdministration.StoreData(s.code(), s.name(), s.city(), s.postalCode(), s.latitude(), s.longitude());
    }
}
