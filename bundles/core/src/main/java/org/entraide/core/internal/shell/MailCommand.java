package org.entraide.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.mail.MailQueue;

/**
 * {@code entraide:mail outbox <brand> | suppressions | suppress <address> [reason] | unsuppress <address>}: the
 * e-mail outbox with its recipients and the suppression list, for the instance operator only (the API shows brand
 * admins their outbox without recipients, and no suppression list: addresses are personal data).
 */
@Command(scope = "entraide", name = "mail", description = "E-mail outbox (with recipients) and suppression list")
@Service
public class MailCommand implements Action {
    @Reference
    Core core;

    @Argument(index = 0, name = "action", required = true,
        description = "outbox <brand> | suppressions | suppress <address> [reason] | unsuppress <address>")
    String action;

    @Argument(index = 1, name = "arguments", multiValued = true, description = "The brand slug, or the address [and reason]")
    List<String> arguments;

    @Option(name = "-n", aliases = "--limit", description = "Most rows listed (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        List<String> args = arguments == null ? List.of() : arguments;
        switch (action) {
            case "outbox" -> outbox(args);
            case "suppressions" -> suppressions();
            case "suppress" -> {
                if (args.isEmpty()) {
                    System.err.println("Usage: entraide:mail suppress <address> [reason]");
                    return null;
                }
                String reason = args.size() > 1 ? String.join(" ", args.subList(1, args.size())) : "suppressed by an operator";
                try {
                    core.mail.suppress(args.get(0), reason);
                    System.out.println(args.get(0) + " is suppressed: no e-mail is written to it");
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                }
            }
            case "unsuppress" -> {
                if (args.isEmpty()) {
                    System.err.println("Usage: entraide:mail unsuppress <address>");
                    return null;
                }
                System.out.println(core.mail.unsuppress(args.get(0)) ? args.get(0) + " may receive e-mail again"
                    : args.get(0) + " was not suppressed");
            }
            default -> System.err.println("Unknown action " + action
                + ": outbox <brand> | suppressions | suppress <address> [reason] | unsuppress <address>");
        }
        return null;
    }

    private void outbox(List<String> args) {
        if (args.isEmpty()) {
            System.err.println("Usage: entraide:mail outbox <brand>");
            return;
        }
        var brand = core.brands.find(args.get(0));
        if (brand.isEmpty()) {
            System.err.println("No brand " + args.get(0));
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Key");
        table.column("To");
        table.column("Subject");
        table.column("Status");
        table.column("Attempts").alignRight();
        table.column("Created");
        table.column("Sent");
        table.column("Last error");
        for (MailQueue.OperatorEntry m : core.mail.operatorOutbox(brand.get().id(), limit)) {
            table.addRow().addContent(m.id(), m.key(), m.to(), m.subject(), m.status(), m.attempts(), m.createdAt(),
                m.sentAt(), m.lastError());
        }
        table.print(System.out);
    }

    private void suppressions() {
        ShellTable table = new ShellTable();
        table.column("Address");
        table.column("Reason");
        table.column("Since");
        for (MailQueue.Suppression s : core.mail.suppressions(limit)) {
            table.addRow().addContent(s.address(), s.reason(), s.createdAt());
        }
        table.print(System.out);
    }
}
