package org.entraide.moderation.internal;

import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.security.Caller;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's rules for private messages, for the plugins that carry them (local managers), while it runs. */
@Component(service = PrivateMessageRules.class)
public class ModerationMessageRulesService implements PrivateMessageRules {
    @Reference
    private ModerationComponent main;

    @Override
    public String check(long brandId, Caller author, String text) {
        return main.moderation().messages.check(brandId, author, text);
    }
}
