package org.entraide.incidents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.entraide.incidents.internal.detect.Baseline;
import org.junit.jupiter.api.Test;

/** The rise rule, and the matching of themes. */
class BaselineTest {
    @Test
    void aRiseIsThreeDeviationsOverTheSameHoursMeanWithTheDeviationFlooredAtTheNoiseOfRareCounts() {
        Baseline b = Baseline.of(List.of(1, 2, 1, 2, 1, 2, 1, 2));
        assertEquals(1.5, b.mean(), 1e-9);
        assertEquals(0.5, b.deviation(), 1e-9);
        // the deviation 0.5 is below sqrt(1.5) = 1.22: 1.5 + 3 x 1.22 = 5.17
        assertEquals(1.5 + 3 * Math.sqrt(1.5), b.threshold(3), 1e-9);
        assertFalse(b.isRise(5, 3, 5));
        assertTrue(b.isRise(6, 3, 5));
        assertFalse(Baseline.of(List.of(0, 0, 0, 0, 0, 0, 0, 0)).isRise(4, 3, 5), "under the minimum, never a rise");
        assertTrue(Baseline.of(List.of(0, 0, 0, 0, 0, 0, 0, 0)).isRise(5, 3, 5), "0 + 3 x 1 = 3, and 5 posts");
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
