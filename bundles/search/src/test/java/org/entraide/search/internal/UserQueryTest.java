package org.entraide.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.Test;

/** What a query is made of decides its cost: fuzzy variants and body fields only where they can help. */
class UserQueryTest {

    @Test
    void aWordFewDocumentsHoldKeepsItsFuzzyVariants() {
        Query q = UserQuery.parse("peinture", UserQuery.Mode.SEARCH, t -> 5);
        assertTrue(fuzzy(q) > 0, q.toString());
    }

    @Test
    void aWordManyDocumentsHoldHasNoFuzzyVariants() {
        Query q = UserQuery.parse("peinture", UserQuery.Mode.SEARCH, t -> UserQuery.COMMON);
        assertEquals(0, fuzzy(q));
    }

    @Test
    void similarQuestionsLookInTitlesOnly() {
        Query q = UserQuery.parse("peinture murale qui cloque", UserQuery.Mode.LOOSE, t -> 0);
        Set<String> fields = fields(q);
        assertTrue(fields.contains(Analysis.TITLE_FR) && fields.contains(Analysis.TITLE_EN), fields.toString());
        assertFalse(fields.contains(Analysis.BODY_FR) || fields.contains(Analysis.BODY_EN), fields.toString());
    }

    private static int fuzzy(Query q) {
        int[] n = {0};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                if (query instanceof FuzzyQuery) {
                    n[0]++;
                }
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return n[0];
    }

    private static Set<String> fields(Query q) {
        Set<String> fields = new HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }
}
