package org.entraide.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.Core;

/** {@code entraide:replay <id>}: delivers a dead letter to its subscriber again. */
@Command(scope = "entraide", name = "replay", description = "Replays a dead letter")
@Service
public class ReplayCommand implements Action {
    @Reference
    Core core;

    @Argument(index = 0, name = "id", description = "The dead letter's id (see entraide:dead-letters)", required = true)
    long id;

    @Override
    public Object execute() {
        try {
            var replayed = core.deadLetters.replay(id);
            System.out.println("Replayed event " + replayed.eventId() + " to " + replayed.subscriber());
        } catch (ProblemException e) {
            System.err.println("Cannot replay dead letter " + id + ": " + e.detail());
        }
        return null;
    }
}
