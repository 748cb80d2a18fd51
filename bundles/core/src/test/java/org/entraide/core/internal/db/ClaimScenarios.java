package org.entraide.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Sql#claim}: the timers' way of taking due work. Each transaction gets the first rows in order that no other
 * holds, at most the limit, without waiting for the others; what it took stays its own until it ends.
 */
abstract class ClaimScenarios {
    DataSource ds;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void table() throws Exception {
        ds = dataSource();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            Sql.update(c, "CREATE TABLE claim_work (id BIGINT PRIMARY KEY, state VARCHAR(10) NOT NULL, due INT NOT NULL)");
            // due in the reverse order of the ids, so that the order given, not the key's, decides
            for (int id = 1; id <= 10; id++) {
                Sql.update(c, "INSERT INTO claim_work (id, state, due) VALUES (?, 'DUE', ?)", id, 11 - id);
            }
            Sql.update(c, "INSERT INTO claim_work (id, state, due) VALUES (11, 'DONE', 0)");
        }
    }

    @AfterEach
    void drop() {
        dropDatabase();
    }

    @Test
    void eachTransactionTakesTheFirstRowsNoOtherHoldsWithoutWaiting() throws Exception {
        try (Connection a = open(); Connection b = open()) {
            assertEquals(List.of(10L, 9L, 8L), claim(a, 3));
            // b does not wait for a, and gets the next ones
            List<Long> second = CompletableFuture.supplyAsync(() -> claim(b, 3)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(7L, 6L, 5L), second);

            // a's rows done and committed: a third taker skips b's, and never gets a row the condition no longer matches
            Sql.update(a, "UPDATE claim_work SET state = 'DONE' WHERE id IN (10, 9, 8)");
            a.commit();
            try (Connection c = open()) {
                assertEquals(List.of(4L, 3L, 2L, 1L), CompletableFuture.supplyAsync(() -> claim(c, 10)).get(10, TimeUnit.SECONDS));
                c.rollback();
            }
            // b's rows come back to the others when b ends without doing them
            b.rollback();
            try (Connection d = open()) {
                assertEquals(List.of(7L, 6L), claim(d, 2));
                d.rollback();
            }
        }
    }

    @Test
    void nothingDueIsAnEmptyList() throws Exception {
        try (Connection a = open()) {
            assertEquals(List.of(), Sql.claim(a, "id", "claim_work", "state = ? AND due > ?", "due, id", 5,
                rs -> rs.getLong(1), "DUE", 100));
            a.rollback();
        }
    }

    private Connection open() throws Exception {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static List<Long> claim(Connection c, int limit) {
        return Sql.claim(c, "id, due", "claim_work", "state = ?", "due, id", limit, rs -> rs.getLong("id"), "DUE");
    }
}
