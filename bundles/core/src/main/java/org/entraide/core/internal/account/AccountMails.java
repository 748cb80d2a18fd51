package org.entraide.core.internal.account;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import org.entraide.api.mail.Mail;
import org.entraide.api.mail.OutgoingMail;

/**
 * The e-mails of account life, in the member's language (French unless they chose English), queued in the
 * caller's transaction: a registration or a reset that rolls back sends nothing. Links lead to the web pages at
 * the configured public base URL, never at an address taken from the request.
 */
public final class AccountMails {
    private final Mail mail;
    private volatile String baseUrl;

    public AccountMails(Mail mail, String baseUrl) {
        this.mail = mail;
        setBaseUrl(baseUrl);
    }

    public void setBaseUrl(String url) {
        String u = url == null || url.isBlank() ? "http://localhost:8181" : url.strip();
        this.baseUrl = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Who a message goes to: the address, the brand, the language. */
    /** The configured public base URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public record To(long brandId, String brandSlug, String email, String locale) {
        boolean english() {
            return "en".equals(locale);
        }
    }

    public void verifyAddress(Connection c, To to, String token) {
        String link = page(to, "verify-email") + "?token=" + token;
        send(c, to, "verify", to.english() ? "Confirm your e-mail address" : "Confirmez votre adresse e-mail",
            to.english()
                ? "Welcome! To confirm that this address is yours, open this link within 48 hours:\n\n" + link
                    + "\n\nIf you did not create an account, ignore this message."
                : "Bienvenue ! Pour confirmer que cette adresse est la vôtre, ouvrez ce lien dans les 48 heures :\n\n" + link
                    + "\n\nSi vous n'avez pas créé de compte, ignorez ce message.");
    }

    /** Registration with an address that already has an account: its owner is told, the registrant learns nothing. */
    public void alreadyRegistered(Connection c, To to) {
        String reset = page(to, "forgot-password");
        send(c, to, "exists", to.english() ? "You already have an account" : "Vous avez déjà un compte",
            to.english()
                ? "Someone asked to create an account with this address, which already has one. If it was you, sign in; "
                    + "if you forgot your password, choose a new one here:\n\n" + reset
                    + "\n\nIf it was not you, ignore this message: nothing was changed."
                : "Quelqu'un a demandé à créer un compte avec cette adresse, qui en a déjà un. Si c'était vous, "
                    + "connectez-vous ; si vous avez oublié votre mot de passe, choisissez-en un nouveau ici :\n\n" + reset
                    + "\n\nSi ce n'était pas vous, ignorez ce message : rien n'a été modifié.");
    }

    public void resetPassword(Connection c, To to, String token) {
        String link = page(to, "reset-password") + "?token=" + token;
        send(c, to, "reset", to.english() ? "Choose a new password" : "Choisissez un nouveau mot de passe",
            to.english()
                ? "To choose a new password, open this link within 30 minutes (it works once):\n\n" + link
                    + "\n\nIf you did not ask for it, ignore this message: your password stays as it is."
                : "Pour choisir un nouveau mot de passe, ouvrez ce lien dans les 30 minutes (il ne sert qu'une fois) :\n\n"
                    + link + "\n\nSi vous ne l'avez pas demandé, ignorez ce message : votre mot de passe ne change pas.");
    }

    public void passwordChanged(Connection c, To to) {
        send(c, to, "password", to.english() ? "Your password was changed" : "Votre mot de passe a été modifié",
            to.english()
                ? "The password of your account was just changed and every session was signed out. If it was not you, "
                    + "choose a new password at once:\n\n" + page(to, "forgot-password")
                : "Le mot de passe de votre compte vient d'être modifié et toutes les sessions ont été fermées. Si ce "
                    + "n'était pas vous, choisissez tout de suite un nouveau mot de passe :\n\n" + page(to, "forgot-password"));
    }

    /** Sent to the old address when a change to {@code newEmail} is asked for. */
    public void emailChanging(Connection c, To old, String newEmail) {
        send(c, old, "email-change", old.english() ? "Your e-mail address is changing" : "Votre adresse e-mail va changer",
            old.english()
                ? "A change of your account's address to " + newEmail + " was asked for; it takes effect when the new "
                    + "address is confirmed. If it was not you, change your password at once:\n\n" + page(old, "forgot-password")
                : "Le remplacement de l'adresse de votre compte par " + newEmail + " a été demandé ; il prendra effet quand "
                    + "la nouvelle adresse sera confirmée. Si ce n'était pas vous, changez tout de suite votre mot de passe :\n\n"
                    + page(old, "forgot-password"));
    }

    private String page(To to, String name) {
        return baseUrl + "/b/" + to.brandSlug() + "/" + name;
    }

    private void send(Connection c, To to, String kind, String subject, String text) {
        // a fresh key per message: asking twice is two messages, and the key names no person
        String key = "account-" + kind + "-" + UUID.randomUUID();
        mail.queue(c, new OutgoingMail(to.brandId(), key, to.email(), subject, text, null, Map.of()));
    }
}
