package org.entraide.notifications.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of notifications in French and English. A template names its values {@code {name}}; a part in square
 * brackets is left out when one of its values is missing (a reason nobody gave). Values are plain text: the HTML
 * renderer escapes them.
 */
final class Texts {
    static final Set<String> LANGUAGES = Set.of("fr", "en");

    private static final Pattern VALUE = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");

    private static final Map<String, String> FR = Map.ofEntries(
        Map.entry("answer.posted", "Nouvelle réponse à la question « {title} »"),
        Map.entry("answer.posted.own", "Nouvelle réponse à votre question « {title} »"),
        Map.entry("answer.accepted", "Votre réponse à « {title} » a été acceptée"),
        Map.entry("comment.posted", "Nouveau commentaire[ de {author}] sur votre message dans « {title} »"),
        Map.entry("member.mentioned", "Vous avez été mentionné[ par {author}] dans un commentaire sur « {title} »"),
        Map.entry("post.held", "Votre message « {title} » attend une relecture[ : {reason}]"),
        Map.entry("post.approved", "Votre message « {title} » est publié après relecture"),
        Map.entry("post.rejected", "Votre message « {title} » a été refusé[ : {reason}]. Vous pouvez faire appel."),
        Map.entry("post.hidden", "Votre message « {title} » a été masqué[ : {reason}]"),
        Map.entry("post.restored", "Votre message « {title} » est de nouveau publié"),
        Map.entry("badge.awarded", "Vous avez obtenu le badge « {badge} »"),
        Map.entry("question.posted", "Nouvelle question : « {title} »"),
        Map.entry("complaint.sent", "Votre réclamation « {title} » a été transmise au magasin {store}[ ; réponse attendue avant le {due}]"),
        Map.entry("complaint.responded", "Le magasin a répondu à votre réclamation « {title} »"),
        Map.entry("complaint.details-requested", "Le magasin vous demande des précisions sur votre réclamation « {title} »"),
        Map.entry("complaint.escalated.region", "Sans réponse dans le délai, votre réclamation « {title} » est transmise à la région"),
        Map.entry("complaint.escalated.central", "Votre réclamation « {title} » est transmise au siège"),
        Map.entry("complaint.assigned", "Nouvelle réclamation pour le magasin {store} : « {title} »[, réponse attendue avant le {due}]"),
        Map.entry("complaint.reminder", "Rappel : {percent} % du délai de réponse à la réclamation « {title} » est écoulé[ (échéance le {due})]"),
        Map.entry("complaint.delegated", "Une réclamation vous est confiée : « {title} » (magasin {store})"),
        Map.entry("complaint.reopened", "La réclamation « {title} » (magasin {store}) a été rouverte"),
        Map.entry("complaint.details-given", "Le client a répondu en privé sur la réclamation « {title} »"),
        Map.entry("complaint.escalated-to-me.region", "Le magasin {store} n'a pas répondu à temps : la réclamation « {title} » est à votre région[ (échéance dépassée le {due})]"),
        Map.entry("complaint.escalated-to-me.central", "La réclamation « {title} » (magasin {store}) est transmise au siège"),
        Map.entry("appeal.filed", "Un appel attend votre décision"),
        Map.entry("appeal.decided.OVERTURNED", "Votre appel est accepté : la décision est annulée[ ({reason})]"),
        Map.entry("appeal.decided.UPHELD", "Votre appel est rejeté : la décision est maintenue[ ({reason})]"),
        Map.entry("sanction.imposed", "Sanction de modération : {kind}[ jusqu'au {until}][ ({reason})]. Vous pouvez faire appel."),
        Map.entry("review.overdue", "Un message attend une relecture depuis trop longtemps"),
        Map.entry("article.review-due", "L'article « {title} » est à revoir depuis le {reviewOn}"),
        Map.entry("summary.daily", "Résumé du {day} : {members} nouveaux membres, {questions} questions, {answers} réponses, {complaints} réclamations dont {late} en retard, {held} messages retenus[ ; réponses acceptées : {top}]"),
        Map.entry("broadcast", "{title} : {message}"),
        Map.entry("incident.statement", "Message officiel de la marque sur l'incident « {title} », qui concerne votre message"),
        Map.entry("incident.update", "Nouvelle information sur l'incident « {title} »"),
        Map.entry("incident.rise", "Hausse inhabituelle : {count} réclamations et questions en une heure ({scope}), incident proposé"),
        Map.entry("mail.hello", "Bonjour,"),
        Map.entry("mail.open", "Voir"),
        Map.entry("mail.reply", "Vous pouvez répondre à cet e-mail : votre réponse est publiée comme depuis la page."),
        Map.entry("mail.group", "{count} notifications sur « {title} »"),
        Map.entry("mail.daily", "Votre résumé du jour : {count} notification(s)"),
        Map.entry("mail.weekly", "Votre résumé de la semaine : {count} notification(s)"),
        Map.entry("mail.unsubscribe", "Ne plus recevoir ces e-mails"),
        Map.entry("mail.why", "Vous recevez cet e-mail selon vos préférences de notification."));

    private static final Map<String, String> EN = Map.ofEntries(
        Map.entry("answer.posted", "New answer to the question “{title}”"),
        Map.entry("answer.posted.own", "New answer to your question “{title}”"),
        Map.entry("answer.accepted", "Your answer to “{title}” was accepted"),
        Map.entry("comment.posted", "New comment[ by {author}] on your post in “{title}”"),
        Map.entry("member.mentioned", "You were mentioned[ by {author}] in a comment on “{title}”"),
        Map.entry("post.held", "Your post “{title}” is held for review[: {reason}]"),
        Map.entry("post.approved", "Your post “{title}” was published after review"),
        Map.entry("post.rejected", "Your post “{title}” was rejected[: {reason}]. You can appeal."),
        Map.entry("post.hidden", "Your post “{title}” was hidden[: {reason}]"),
        Map.entry("post.restored", "Your post “{title}” is published again"),
        Map.entry("badge.awarded", "You earned the badge “{badge}”"),
        Map.entry("question.posted", "New question: “{title}”"),
        Map.entry("complaint.sent", "Your complaint “{title}” was sent to the store {store}[; an answer is due by {due}]"),
        Map.entry("complaint.responded", "The store answered your complaint “{title}”"),
        Map.entry("complaint.details-requested", "The store asks you for details about your complaint “{title}”"),
        Map.entry("complaint.escalated.region", "Unanswered in time, your complaint “{title}” went to the region"),
        Map.entry("complaint.escalated.central", "Your complaint “{title}” went to the head office"),
        Map.entry("complaint.assigned", "New complaint for the store {store}: “{title}”[, an answer is due by {due}]"),
        Map.entry("complaint.reminder", "Reminder: {percent}% of the time to answer the complaint “{title}” has passed[ (due {due})]"),
        Map.entry("complaint.delegated", "A complaint was handed to you: “{title}” (store {store})"),
        Map.entry("complaint.reopened", "The complaint “{title}” (store {store}) was reopened"),
        Map.entry("complaint.details-given", "The customer replied privately about the complaint “{title}”"),
        Map.entry("complaint.escalated-to-me.region", "The store {store} did not answer in time: the complaint “{title}” is now your region's[ (it was due {due})]"),
        Map.entry("complaint.escalated-to-me.central", "The complaint “{title}” (store {store}) went to the head office"),
        Map.entry("appeal.filed", "An appeal awaits your decision"),
        Map.entry("appeal.decided.OVERTURNED", "Your appeal is granted: the decision is reversed[ ({reason})]"),
        Map.entry("appeal.decided.UPHELD", "Your appeal is dismissed: the decision stands[ ({reason})]"),
        Map.entry("sanction.imposed", "Moderation sanction: {kind}[ until {until}][ ({reason})]. You can appeal."),
        Map.entry("review.overdue", "A post has been waiting for review too long"),
        Map.entry("article.review-due", "The article “{title}” is due for review since {reviewOn}"),
        Map.entry("summary.daily", "Summary of {day}: {members} new members, {questions} questions, {answers} answers, {complaints} complaints ({late} late), {held} posts held[; accepted answers: {top}]"),
        Map.entry("broadcast", "{title}: {message}"),
        Map.entry("incident.statement", "The brand's official statement on the incident “{title}”, which concerns your post"),
        Map.entry("incident.update", "New information on the incident “{title}”"),
        Map.entry("incident.rise", "Unusual rise: {count} complaints and questions in one hour ({scope}), incident proposed"),
        Map.entry("mail.hello", "Hello,"),
        Map.entry("mail.open", "Open"),
        Map.entry("mail.reply", "You can reply to this e-mail: your reply is posted as if from the page."),
        Map.entry("mail.group", "{count} notifications about “{title}”"),
        Map.entry("mail.daily", "Your daily digest: {count} notification(s)"),
        Map.entry("mail.weekly", "Your weekly digest: {count} notification(s)"),
        Map.entry("mail.unsubscribe", "Stop these e-mails"),
        Map.entry("mail.why", "You receive this e-mail because of your notification preferences."));

    private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

    private Texts() {
    }

    static String language(String requested, String fallback) {
        return requested != null && LANGUAGES.contains(requested) ? requested : fallback;
    }

    /** The one-line text of a notification, plain text. */
    static String line(String kind, Map<String, Object> params, String lang) {
        String key = kind;
        if (Kind.ANSWER_POSTED.key().equals(kind) && Boolean.TRUE.equals(params.get("own"))) {
            key = "answer.posted.own";
        } else if (Kind.COMPLAINT_ESCALATED.key().equals(kind)) {
            key = "central".equals(params.get("to")) ? "complaint.escalated.central" : "complaint.escalated.region";
        } else if (Kind.COMPLAINT_ESCALATED_TO_ME.key().equals(kind)) {
            key = "central".equals(params.get("to")) ? "complaint.escalated-to-me.central" : "complaint.escalated-to-me.region";
        } else if (Kind.APPEAL_DECIDED.key().equals(kind)) {
            key = "OVERTURNED".equals(params.get("outcome")) ? "appeal.decided.OVERTURNED" : "appeal.decided.UPHELD";
        }
        return render(template(key, lang), values(params, lang));
    }

    static String word(String key, String lang) {
        return template(key, lang);
    }

    static String render(String template, Map<String, String> values) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            String part = optional.group(1);
            List<String> names = VALUE.matcher(part).results().map(m -> m.group(1)).toList();
            boolean complete = names.stream().allMatch(n -> present(values.get(n)));
            // brackets around no value are just brackets ("[Démo]" in a brand's subject)
            optional.appendReplacement(kept, Matcher.quoteReplacement(names.isEmpty() ? optional.group() : complete ? part : ""));
        }
        optional.appendTail(kept);
        Matcher m = VALUE.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Values as words: an instant in the store's zone (UTC when it has none), a list joined. */
    static Map<String, String> values(Map<String, Object> params, String lang) {
        Map<String, String> out = new java.util.HashMap<>();
        params.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                out.put(k, String.join("; ", list.stream().map(String::valueOf).toList()));
            } else if (v != null) {
                out.put(k, String.valueOf(v));
            }
        });
        String zone = String.valueOf(params.getOrDefault("zone", "UTC"));
        Object due = params.get("dueAt");
        if (due != null) {
            out.put("due", time(String.valueOf(due), zone, lang));
        }
        Object until = params.get("endsAt");
        if (until != null) {
            out.put("until", time(String.valueOf(until), zone, lang));
        }
        return out;
    }

    static String time(String instant, String zone, String lang) {
        try {
            ZoneId id = ZoneId.of(zone);
            var at = Instant.parse(instant).atZone(id);
            return ("fr".equals(lang) ? FR_TIME : EN_TIME).format(at) + " (" + zone + ")";
        } catch (java.time.DateTimeException e) {
            return instant;
        }
    }

    private static String template(String key, String lang) {
        String t = ("en".equals(lang) ? EN : FR).get(key);
        if (t == null) {
            throw new IllegalArgumentException("no text for " + key);
        }
        return t;
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
