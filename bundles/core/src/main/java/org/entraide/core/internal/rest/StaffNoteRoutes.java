package org.entraide.core.internal.rest;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.post.StaffNotes;
import org.entraide.core.internal.rest.openapi.Doc;

/** The brand's official note on a public answer: written, replaced or removed by its admins. */
public final class StaffNoteRoutes extends ApiRoutes {
    private static final String NOTE = "/brands/{brand}/posts/{id}/staff-note";

    private final StaffNotes notes;

    public StaffNoteRoutes(ApiDispatcher dispatcher, StaffNotes notes) {
        super(dispatcher);
        this.notes = notes;
    }

    @Override
    public void configure() {
        put(NOTE, "posts.staff-note.set", Doc.of("Attach the brand's official note to a public answer, or replace it: "
                + "Markdown, shown above the answer").body(Requests.StaffNote.class).returns(StaffNotes.StaffNoteView.class)
                .bearer(Role.BRAND_ADMIN).errors(409), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            long id = r.pathId("id");
            Requests.StaffNote body = r.body(Requests.StaffNote.class);
            return ApiReply.ok(notes.put(caller, brand, id, body.body()));
        });
        delete(NOTE, "posts.staff-note.remove", Doc.of("Remove the brand's official note from an answer").noContent()
                .bearer(Role.BRAND_ADMIN), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            notes.remove(caller, brand, r.pathId("id"));
            return ApiReply.noContent();
        });
    }
}
