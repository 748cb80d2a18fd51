package org.entraide.search.internal;

import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.entraide.api.model.PostType;
import org.entraide.api.platform.PublicPost;

/**
 * One Lucene document per public question, answer or complaint. Keyword fields filter (and, with doc values, are
 * counted as facets); the texts are indexed per language (see {@link Analysis}) and stored once for excerpts; the
 * {@code rank} doc value multiplies relevance: accepted answers and questions that have one, official answers and
 * well-voted posts come first among equally relevant ones. Never an author: a complaint may hide its complainant.
 */
final class SearchDocuments {
    static final String ID = "id";
    static final String BRAND = "brand";
    static final String TYPE = "type";
    static final String PARENT = "parent";
    static final String TOPIC = "topic";
    static final String TAG = "tag";
    static final String STORE = "store";
    static final String CITY = "city";
    static final String STATUS = "status";
    static final String ACCEPTED = "accepted";
    static final String OFFICIAL = "official";
    static final String CREATED = "created";
    static final String SCORE = "score";
    static final String RANK = "rank";
    static final String TITLE = "title";
    static final String BODY = "body";

    static Document of(PublicPost p, String city) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(p.id()), Field.Store.YES));
        d.add(new StringField(BRAND, Long.toString(p.brandId()), Field.Store.NO));
        keyword(d, TYPE, type(p.type()));
        if (p.parentId() != null) {
            d.add(new StringField(PARENT, Long.toString(p.parentId()), Field.Store.YES));
        }
        if (p.topicId() != null) {
            keyword(d, TOPIC, Long.toString(p.topicId()));
        }
        for (String tag : p.tags()) {
            keyword(d, TAG, tag);
        }
        if (p.storeId() != null) {
            keyword(d, STORE, Long.toString(p.storeId()));
        }
        if (city != null && !city.isBlank()) {
            d.add(new StringField(CITY, Analysis.normalized(city), Field.Store.NO));
        }
        if (p.complaintStatus() != null) {
            keyword(d, STATUS, p.complaintStatus().name().toLowerCase(Locale.ROOT));
        }
        d.add(new StringField(ACCEPTED, Boolean.toString(p.accepted()), Field.Store.YES));
        d.add(new StringField(OFFICIAL, Boolean.toString(p.official()), Field.Store.YES));
        long created = p.createdAt().toEpochMilli();
        d.add(new LongPoint(CREATED, created));
        d.add(new NumericDocValuesField(CREATED, created));
        d.add(new StoredField(CREATED, created));
        d.add(new NumericDocValuesField(SCORE, p.score()));
        d.add(new StoredField(SCORE, p.score()));
        d.add(new FloatDocValuesField(RANK, rank(p)));

        String title = p.title() == null ? "" : p.title();
        String body = p.body() == null ? "" : p.body();
        d.add(new StoredField(TITLE, title));
        d.add(new StoredField(BODY, body));
        if (p.type() != PostType.ANSWER) {
            // an answer is found by its own words; its question's title is shown, not searched
            d.add(new TextField(Analysis.TITLE_FR, title, Field.Store.NO));
            d.add(new TextField(Analysis.TITLE_EN, title, Field.Store.NO));
        }
        d.add(new TextField(Analysis.BODY_FR, body, Field.Store.NO));
        d.add(new TextField(Analysis.BODY_EN, body, Field.Store.NO));
        d.add(new TextField(Analysis.PLAIN, p.type() == PostType.ANSWER ? body : title + "\n" + body, Field.Store.NO));
        return d;
    }

    static String type(PostType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** From 1: +60 % accepted, +30 % official, and up to about +50 % for a score of 30 and more. */
    static float rank(PublicPost p) {
        double r = 1.0;
        if (p.accepted()) {
            r += 0.6;
        }
        if (p.official()) {
            r += 0.3;
        }
        if (p.score() > 0) {
            r += 0.15 * Math.log1p(Math.min(p.score(), 1000));
        }
        return (float) r;
    }

    static void keyword(Document d, String name, String value) {
        d.add(new StringField(name, value, Field.Store.YES));
        d.add(new SortedSetDocValuesField(name, new BytesRef(value)));
    }

    private SearchDocuments() {
    }
}
