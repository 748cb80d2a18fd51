package org.entraide.web.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A brand's sitemaps by the sitemaps.org protocol: {@code /sitemap.xml} is the index of its files,
 * {@code /sitemaps/{kind}-{n}.xml}, each of at most {@code sitemap.max.urls} addresses (50,000, the protocol's
 * limit): the lists' pages, then every public question, complaint, store, topic, tag and profile with its last
 * change. Every address is absolute, on {@code public.base.url}.
 */
final class Sitemaps extends PageSupport {
    private static final String TYPE = "application/xml; charset=utf-8";
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** The page of each kind's entry: its key goes after. */
    private static final Map<String, String> PATHS = Map.of("question", "/questions/", "complaint", "/complaints/",
        "store", "/stores/", "topic", "/topics/", "tag", "/tags/", "profile", "/users/");

    /** The pages of lists, in the {@code pages} files: the home, the questions', the complaints'. */
    private static final String[] LISTS = {"", "/questions", "/complaints"};

    private final IntSupplier maxUrls;

    Sitemaps(ApiClient api, Templates templates, IntSupplier maxUrls) {
        super(api, templates);
        this.maxUrls = maxUrls;
    }

    WebReply index(Visit visit, JsonNode brand, Matcher path) {
        String base = visit.request.publicBase() + visit.base() + "/sitemaps/";
        JsonNode kinds = api.get(brandPath(visit) + "/sitemap").path("items");
        int max = maxUrls.getAsInt();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"" + NS + "\">\n");
        for (int n = 1; n <= (LISTS.length + max - 1) / max; n++) {
            sitemap(xml, base + "pages-" + n + ".xml", latest(kinds));
        }
        for (JsonNode kind : kinds) {
            long files = (kind.path("count").asLong() + max - 1) / max;
            for (int n = 1; n <= files; n++) {
                sitemap(xml, base + kind.path("kind").asText() + "-" + n + ".xml", kind.path("lastmod").asText(null));
            }
        }
        return WebReply.of(new Page(200, xml.append("</sitemapindex>\n").toString(), TYPE));
    }

    WebReply file(Visit visit, JsonNode brand, Matcher path) {
        String kind = path.group(2);
        int n = Integer.parseInt(path.group(3));
        String base = visit.request.publicBase() + visit.base();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + NS + "\">\n");
        if ("pages".equals(kind)) {
            int max = maxUrls.getAsInt();
            if ((long) (n - 1) * max >= LISTS.length) {
                return notFound(visit);
            }
            String latest = latest(api.get(brandPath(visit) + "/sitemap").path("items"));
            for (int i = (n - 1) * max; i < Math.min(LISTS.length, n * max); i++) {
                url(xml, base + LISTS[i], latest);
            }
        } else {
            JsonNode entries = api.get(brandPath(visit) + "/sitemap/" + kind + "?page=" + n + "&size=" + maxUrls.getAsInt());
            if (entries == null || entries.path("items").isEmpty()) {
                return notFound(visit);
            }
            for (JsonNode e : entries.path("items")) {
                url(xml, base + PATHS.get(kind) + e.path("key").asText(), e.path("lastmod").asText(null));
            }
        }
        return WebReply.of(new Page(200, xml.append("</urlset>\n").toString(), TYPE));
    }

    /** The latest change of the brand's questions and complaints: when its lists last changed. */
    private static String latest(JsonNode kinds) {
        String latest = null;
        for (JsonNode kind : kinds) {
            String at = kind.path("lastmod").asText(null);
            boolean list = "question".equals(kind.path("kind").asText()) || "complaint".equals(kind.path("kind").asText());
            if (list && at != null && (latest == null || Instant.parse(at).isAfter(Instant.parse(latest)))) {
                latest = at;
            }
        }
        return latest;
    }

    private static void sitemap(StringBuilder xml, String loc, String lastmod) {
        xml.append("<sitemap><loc>").append(Xml.escape(loc)).append("</loc>").append(lastmod(lastmod)).append("</sitemap>\n");
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("<url><loc>").append(Xml.escape(loc)).append("</loc>").append(lastmod(lastmod)).append("</url>\n");
    }

    /** W3C Datetime to the second, or nothing when unknown. */
    private static String lastmod(String instant) {
        return instant == null ? "" : "<lastmod>" + Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS) + "</lastmod>";
    }
}
