package org.entraide.incidents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.entraide.incidents.internal.detect.Baseline;
import org.junit.jupiter.api.Test;

/** The rise rule, and the matching of themes. */
class BaselineTest {
    private static final double DEVIATIONS = 3.0;
    private static final double TAIL = 1e-4;
    private static final int MIN = 4;

    private static Baseline weeks(Integer... counts) {
        return Baseline.of(List.of(counts));
    }

    @Test
    void theBaselineIsTheSameHoursMeanAndDeviationAndItsRateCountsOneMorePostOverTheWeeks() {
        Baseline b = weeks(1, 2, 1, 2, 1, 2, 1, 2);
        assertEquals(1.5, b.mean(), 1e-9);
        assertEquals(0.5, b.deviation(), 1e-9);
        assertEquals(1.625, b.rate(), 1e-9, "eight weeks: 1.5 + 1/8");
        assertEquals(0.125, weeks(0, 0, 0, 0, 0, 0, 0, 0).rate(), 1e-9, "eight quiet weeks do not prove a rate of zero");
        assertEquals(3.0, b.threshold(DEVIATIONS), 1e-9);
    }

    @Test
    void theTailIsThePoissonProbabilityOfReachingTheCountEvenForBusyScopes() {
        // exact values: 1 - sum of the Poisson terms under the count
        assertEquals(2.9647754e-4, weeks(0, 0, 0, 0, 0, 0, 0, 0).tail(3), 1e-11);
        assertEquals(9.2064137e-6, weeks(0, 0, 0, 0, 0, 0, 0, 0).tail(4), 1e-13);
        assertEquals(5.1028685e-5, weeks(1, 2, 1, 2, 1, 2, 1, 2).tail(9), 1e-12);
        assertEquals(1.0, weeks(0, 0, 0, 0, 0, 0, 0, 0).tail(0), 1e-12);
        Baseline busy = weeks(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000);
        assertEquals(0.50578197, busy.tail(1000), 1e-7);
        assertEquals(1.9401595e-6, busy.tail(1150), 1e-12, "a rate of 1,000 does not underflow");
    }

    @Test
    void aWeakRiseAtAQuietStoreIsFound() {
        Baseline quiet = weeks(0, 0, 0, 0, 0, 0, 0, 0);
        assertTrue(quiet.isRise(4, DEVIATIONS, TAIL, MIN), "4 posts where there are none: a chance of 9e-6");
        assertFalse(quiet.isRise(3, DEVIATIONS, TAIL, MIN), "3 posts: under the minimum, and a chance of 3e-4");
        assertFalse(weeks(0, 0, 0, 0, 1, 0, 0, 1).isRise(4, DEVIATIONS, TAIL, MIN),
            "2 posts over the weeks: a rate of 0.375 reaches 4 once in 1,600 hours");
    }

    @Test
    void aNoisyQuietStoreIsJudgedByItsOwnFluctuation() {
        Baseline noisy = weeks(0, 0, 3, 0, 0, 4, 0, 0);
        assertEquals(0.875, noisy.mean(), 1e-9);
        assertFalse(noisy.isRise(4, DEVIATIONS, TAIL, MIN), "it had 4 already");
        assertFalse(noisy.isRise(5, DEVIATIONS, TAIL, MIN), "under 0.875 + 3 x 1.45 = 5.2, its own fluctuation");
        assertFalse(noisy.isRise(6, DEVIATIONS, TAIL, MIN), "a rate of 1 reaches 6 six times in 10,000 hours");
        assertTrue(noisy.isRise(7, DEVIATIONS, TAIL, MIN));
    }

    @Test
    void aBusierHourNeedsMorePostsThanThreeDeviations() {
        Baseline b = weeks(1, 2, 1, 2, 1, 2, 1, 2);
        assertFalse(b.isRise(6, DEVIATIONS, TAIL, MIN), "6 is over 1.5 + 3 x 0.5 but a rate of 1.6 reaches it every 150 hours");
        assertFalse(b.isRise(8, DEVIATIONS, TAIL, MIN));
        assertTrue(b.isRise(9, DEVIATIONS, TAIL, MIN));
        assertFalse(weeks(6, 5, 7, 6, 5, 7, 6, 6).isRise(6, DEVIATIONS, TAIL, MIN), "the usual count");
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
