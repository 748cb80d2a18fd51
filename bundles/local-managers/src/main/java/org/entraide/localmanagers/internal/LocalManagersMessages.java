package org.entraide.localmanagers.internal;

import java.sql.Connection;

import org.entraide.api.localmanagers.PrivateMessages;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A complaint's private messages, sent on a member's behalf by other plugins, while the plugin runs. */
@Component(service = PrivateMessages.class)
public class LocalManagersMessages implements PrivateMessages {
    @Reference
    private LocalManagersComponent main;

    @Override
    public long send(Connection connection, long brandId, long complaintId, long authorId, String text) {
        return main.plugin().messages.send(connection, brandId, complaintId, authorId, text);
    }

    @Override
    public void hide(Connection connection, long brandId, long messageId) {
        main.plugin().messages.hide(connection, brandId, messageId);
    }
}
