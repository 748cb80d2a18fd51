package org.entraide.incidents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.entraide.incidents.internal.detect.Baseline;
import org.entraide.incidents.internal.detect.History;
import org.junit.jupiter.api.Test;

/** The rise rule (the shipped settings: 3 deviations, a tail of 1 in 10,000, at least 3 posts), and the matching of themes. */
class BaselineTest {
    private static final double DEVIATIONS = 3.0;
    private static final double TAIL = 1e-4;
    private static final int MIN = 3;

    private static Baseline weeks(double profile, Integer... counts) {
        return Baseline.of(List.of(counts), profile);
    }

    /**
     * A store open by day: one post at each hour from 9:00 to 18:00 every fourth day of the 8 weeks (140 posts), none
     * at night; plus one post at the judged hour on each of {@code weeksAgo}.
     */
    private static History dayStore(int hourOfDay, int... weeksAgo) {
        History history = new History(hourOfDay, 8);
        for (int day = 1; day <= 56; day++) {
            for (int hour = 9; hour <= 18; hour++) {
                if (day % 4 == 0) {
                    history.add(hourOfDay + 24L * day - hour, 1);
                }
            }
        }
        for (int week : weeksAgo) {
            history.add(168L * week, 1);
        }
        return history;
    }

    @Test
    void theHistoryGathersTheSameHoursAndTheWeeklyProfileOfTheWeeksBeforeTheDay() {
        History h = new History(2, 8); // judging 2:00
        h.add(168, 3); // a week ago at 2:00
        h.add(8 * 168, 1); // 8 weeks ago at 2:00
        h.add(24, 2); // yesterday at 2:00: the hour of the day, not the weekday
        h.add(7 * 24 - 10, 5); // a week ago at 12:00: the weekday, not the hour
        h.add(1, 7); // 1:00 today: the judged day is left out, an ongoing rise must not raise its own baseline
        h.add(8 * 168 + 3, 7); // older than the 8 weeks before the day
        assertEquals(List.of(3, 0, 0, 0, 0, 0, 0, 1), h.sameHours());
        // hour of the day 3 + 2 + 1 = 6, weekday 3 + 5 + 1 = 9, in all 11
        assertEquals(7.0 * 10 / (12 * 8), h.profile(), 1e-12);
        assertEquals(1.0 / 8, new History(0, 8).profile(), 1e-12, "a scope that never posted: one post over the weeks");
    }

    @Test
    void theRateIsTheProfileRaisedHalfwayToTheSameHoursMeanWhenThatIsHigher() {
        assertEquals(0.2, weeks(0.2, 0, 0, 0, 0, 0, 0, 0, 1).rate(), 1e-12, "a mean of 0.125 under the profile");
        assertEquals(2.1, weeks(0.2, 4, 4, 4, 4, 4, 4, 4, 4).rate(), 1e-12, "a habit of 4 at that hour: (4 + 0.2) / 2");
        Baseline b = weeks(1.0, 1, 2, 1, 2, 1, 2, 1, 2);
        assertEquals(1.5, b.mean(), 1e-9);
        assertEquals(0.5, b.deviation(), 1e-9);
        assertEquals(3.0, b.threshold(DEVIATIONS), 1e-9);
    }

    @Test
    void theTailIsThePoissonProbabilityOfReachingTheCountEvenForBusyScopes() {
        // exact values: 1 - sum of the Poisson terms under the count
        assertEquals(2.9647754e-4, weeks(0.125, 0, 0, 0, 0, 0, 0, 0, 0).tail(3), 1e-11);
        assertEquals(9.2064137e-6, weeks(0.125, 0, 0, 0, 0, 0, 0, 0, 0).tail(4), 1e-13);
        assertEquals(5.1028685e-5, weeks(1.625, 1, 2, 1, 2, 1, 2, 1, 2).tail(9), 1e-12);
        assertEquals(1.0, weeks(0.125, 0, 0, 0, 0, 0, 0, 0, 0).tail(0), 1e-12);
        Baseline busy = weeks(1000.125, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000);
        assertEquals(0.50578197, busy.tail(1000), 1e-7);
        assertEquals(1.9401595e-6, busy.tail(1150), 1e-12, "a rate of 1,000 does not underflow");
    }

    @Test
    void aRiseOfThreeAtAQuietHourIsFlaggedOnItsFirstHourWhileTheSameThreeAtTheStoresBusyHourAreNot() {
        Baseline night = dayStore(2).baseline();
        assertEquals(21.0 / (141 * 8), night.rate(), 1e-12, "no post at 2:00 in 56 nights, 20 on the 8 same weekdays, 140 in all");
        assertTrue(night.isRise(3, DEVIATIONS, TAIL, MIN), "3 posts where the profile expects 0.02: a chance of 1e-6");
        assertFalse(night.isRise(2, DEVIATIONS, TAIL, MIN), "2 posts: under the minimum");
        Baseline day = dayStore(10).baseline();
        assertEquals(15.0 * 21 / (141 * 8), day.rate(), 1e-12, "14 posts at 10:00 over the 56 days");
        assertFalse(day.isRise(3, DEVIATIONS, TAIL, MIN), "a rate of 0.28 reaches 3 every 340 hours");
        assertFalse(day.isRise(4, DEVIATIONS, TAIL, MIN), "and 4 every 5,000 hours");
        assertTrue(day.isRise(5, DEVIATIONS, TAIL, MIN));
    }

    @Test
    void onePostAtThatHourInEightWeeksDoesNotHideAWeakRise() {
        Baseline b = dayStore(2, 6).baseline();
        assertEquals(0.125, b.mean(), 1e-12);
        // the mean with one more post (0.25) reaches 3 once in 460 hours; halfway with the profile, once in 11,600
        assertEquals((0.125 + 2.0 * 22 / (142 * 8)) / 2, b.rate(), 1e-12);
        assertTrue(b.isRise(3, DEVIATIONS, TAIL, MIN));
    }

    @Test
    void aStoreAtItsBaselineIsNotFlagged() {
        History steady = new History(15, 8); // 2 posts every hour of the 8 weeks
        for (int hoursBefore = 16; hoursBefore <= 15 + 8 * 168; hoursBefore++) {
            steady.add(hoursBefore, 2);
        }
        Baseline b = steady.baseline();
        assertEquals(2.0, b.mean(), 1e-12);
        for (int n = 0; n <= 9; n++) {
            assertFalse(b.isRise(n, DEVIATIONS, TAIL, MIN), n + " posts at a rate of 2");
        }
        assertTrue(b.isRise(10, DEVIATIONS, TAIL, MIN), "a rate of 2 reaches 10 once in 20,000 hours");
    }

    @Test
    void aNoisyQuietStoreIsJudgedByItsOwnFluctuation() {
        Baseline noisy = weeks(0.125, 0, 0, 3, 0, 0, 4, 0, 0);
        assertEquals(0.875, noisy.mean(), 1e-9);
        assertEquals(0.5, noisy.rate(), 1e-9, "halfway between the profile and the hour's mean");
        assertFalse(noisy.isRise(4, DEVIATIONS, TAIL, MIN), "it had 4 already");
        assertFalse(noisy.isRise(5, DEVIATIONS, TAIL, MIN), "under 0.875 + 3 x 1.54 = 5.5, its own fluctuation");
        assertTrue(noisy.isRise(6, DEVIATIONS, TAIL, MIN), "a rate of 0.5 reaches 6 once in 70,000 hours");
    }

    @Test
    void anHourBusyByHabitIsJudgedByItsHabitNotByItsQuietDay() {
        Baseline market = weeks(0.2, 4, 4, 4, 4, 4, 4, 4, 4);
        for (int n = 0; n <= 8; n++) {
            assertFalse(market.isRise(n, DEVIATIONS, TAIL, MIN), n + " posts where 4 come every week");
        }
        assertTrue(Baseline.of(List.of(0, 0, 0, 0, 0, 0, 0, 0), 0.2).isRise(4, DEVIATIONS, TAIL, MIN),
            "the same profile without the habit: 4 posts are a rise");
    }

    @Test
    void aThemeMatchesWhenEveryWordOfOneKeywordIsInTheTextWithoutCaseNorAccents() {
        Theme theme = new Theme(List.of("panne paiement", "carte refusee"));
        assertTrue(theme.matches("Le PAIEMENT est en panne"));
        assertTrue(theme.matches("Ma carte a été refusée"), "refusée reads as refusee");
        assertFalse(theme.matches("Panne de lumière"), "one word of a keyword is not enough");
        assertFalse(new Theme(List.of()).matches("panne"), "an empty theme matches nothing");
    }
}
