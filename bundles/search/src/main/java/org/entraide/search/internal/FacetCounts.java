package org.entraide.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts every hit's values of a few keyword fields (type, topic, tag): the facets shown beside results. Counting is
 * by ordinal within each segment, the cheapest way, and ordinals become values once all hits are seen.
 */
final class FacetCounts extends SimpleCollector {
    private final List<String> fields;
    private final List<Segment> segments = new ArrayList<>();
    private Segment current;
    private int hits;

    private record Segment(LeafReader reader, SortedSetDocValues[] values, int[][] counts) {
    }

    FacetCounts(List<String> fields) {
        this.fields = fields;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
        int[][] counts = new int[fields.size()][];
        for (int i = 0; i < fields.size(); i++) {
            values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
            counts[i] = new int[(int) Math.min(Integer.MAX_VALUE - 8, values[i].getValueCount())];
        }
        current = new Segment(context.reader(), values, counts);
        segments.add(current);
    }

    @Override
    public void collect(int doc) throws IOException {
        hits++;
        for (int i = 0; i < current.values.length; i++) {
            SortedSetDocValues v = current.values[i];
            if (v.advanceExact(doc)) {
                for (int k = 0, n = v.docValueCount(); k < n; k++) {
                    current.counts[i][(int) v.nextOrd()]++;
                }
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    int hits() {
        return hits;
    }

    /** Per field, its values by count (most first, then by value), at most {@code top} each. */
    Map<String, Map<String, Integer>> top(int top) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Map<String, Integer> totals = new java.util.HashMap<>();
            for (Segment s : segments) {
                int[] counts = s.counts[i];
                SortedSetDocValues lookup = null;
                for (int ord = 0; ord < counts.length; ord++) {
                    if (counts[ord] > 0) {
                        if (lookup == null) {
                            lookup = DocValues.getSortedSet(s.reader, fields.get(i));
                        }
                        totals.merge(lookup.lookupOrd(ord).utf8ToString(), counts[ord], Integer::sum);
                    }
                }
            }
            Map<String, Integer> sorted = new LinkedHashMap<>();
            totals.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.put(fields.get(i), sorted);
        }
        return out;
    }
}
