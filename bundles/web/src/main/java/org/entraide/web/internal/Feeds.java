package org.entraide.web.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Atom feeds (RFC 4287) of a topic's and a tag's questions and of a store's complaints, the 20 newest, for feed
 * readers and brands' own sites. Every address in them is absolute, on {@code public.base.url}; a complaint's
 * entry names no complainant, and the entries' author is the community itself.
 */
final class Feeds extends PageSupport {
    static final String TYPE = "application/atom+xml; charset=utf-8";

    Feeds(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply topic(Visit visit, JsonNode brand, Matcher path) {
        String slug = path.group(2);
        JsonNode topic = null;
        for (JsonNode t : api.get(brandPath(visit) + "/topics").path("items")) {
            if (t.path("slug").asText().equals(slug)) {
                topic = t;
            }
        }
        if (topic == null) {
            return notFound(visit);
        }
        JsonNode list = api.get(brandPath(visit) + "/questions?topic=" + Site.urlEncode(slug));
        return questions(visit, brand, text(visit, "feed.topic", topic.path("name").asText()), "/topics/" + slug, list);
    }

    WebReply tag(Visit visit, JsonNode brand, Matcher path) {
        String tag = path.group(2);
        JsonNode list = api.get(brandPath(visit) + "/questions?tag=" + Site.urlEncode(tag));
        if (list.path("items").isEmpty()) {
            return notFound(visit);
        }
        return questions(visit, brand, text(visit, "feed.tag", tag), "/tags/" + tag, list);
    }

    WebReply store(Visit visit, JsonNode brand, Matcher path) {
        String code = path.group(2);
        JsonNode store = RankingPages.find(api, visit, code);
        if (store == null) {
            return notFound(visit);
        }
        JsonNode list = api.get(brandPath(visit) + "/complaints?store=" + Site.urlEncode(code));
        Feed feed = new Feed(visit, brand, text(visit, "feed.store", store.path("name").asText()), "/stores/" + code);
        for (JsonNode c : list.path("items")) {
            feed.entry("/complaints/" + c.path("id").asLong(), c.path("title").asText(), c.path("excerpt").asText(),
                c.path("createdAt").asText(), null);
        }
        return feed.reply();
    }

    private WebReply questions(Visit visit, JsonNode brand, String title, String page, JsonNode list) {
        Feed feed = new Feed(visit, brand, title, page);
        for (JsonNode q : list.path("items")) {
            feed.entry("/questions/" + q.path("id").asLong(), q.path("title").asText(), q.path("excerpt").asText(),
                q.path("createdAt").asText(), q.path("tags"));
        }
        return feed.reply();
    }

    private String text(Visit visit, String key, String value) {
        return templates.text(visit.locale, key).replace("{0}", value);
    }

    /** One feed being written: its head first, its entries newest first, its {@code updated} the newest entry's. */
    private static final class Feed {
        private final StringBuilder entries = new StringBuilder();
        private final Visit visit;
        private final JsonNode brand;
        private final String title;
        private final String page;
        private final String base;
        private Instant updated;

        Feed(Visit visit, JsonNode brand, String title, String page) {
            this.visit = visit;
            this.brand = brand;
            this.title = title;
            this.page = page;
            this.base = visit.request.publicBase() + visit.base();
        }

        void entry(String path, String title, String summary, String created, JsonNode tags) {
            Instant at = Instant.parse(created).truncatedTo(ChronoUnit.SECONDS);
            updated = updated == null || at.isAfter(updated) ? at : updated;
            entries.append("<entry>\n<id>").append(Xml.escape(base + path)).append("</id>\n<title>").append(Xml.escape(title))
                .append("</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(base + path))
                .append("\"/>\n<updated>").append(at).append("</updated>\n");
            if (tags != null) {
                for (JsonNode tag : tags) {
                    entries.append("<category term=\"").append(Xml.escape(tag.asText())).append("\"/>\n");
                }
            }
            entries.append("<summary>").append(Xml.escape(summary)).append("</summary>\n</entry>\n");
        }

        WebReply reply() {
            // an empty feed was last updated when it was read: RFC 4287 requires the element
            Instant at = updated == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : updated;
            String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + visit.locale.getLanguage() + "\">\n"
                + "<id>" + Xml.escape(base + page) + "</id>\n"
                + "<title>" + Xml.escape(title + " · " + brand.path("name").asText()) + "</title>\n"
                + "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + Xml.escape(base + page + "/feed.atom") + "\"/>\n"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"" + Xml.escape(base + page) + "\"/>\n"
                + "<updated>" + at + "</updated>\n"
                + "<author><name>" + Xml.escape(brand.path("name").asText()) + "</name></author>\n"
                + entries + "</feed>\n";
            return WebReply.of(new Page(200, xml, TYPE));
        }
    }
}
