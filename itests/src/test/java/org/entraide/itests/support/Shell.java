package org.entraide.itests.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs Karaf shell commands inside the container and returns what they printed. */
public final class Shell {
    private final SessionFactory sessions;

    public Shell(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public String run(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            if (result != null) {
                print.println(result);
            }
        } catch (Exception e) {
            throw new AssertionError("shell command failed: " + command + ": " + e, e);
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
