package org.entraide.moderation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.entraide.moderation.internal.text.PersonalData;
import org.junit.jupiter.api.Test;

/** Card-like numbers are masked even when they fail Luhn; ordinary numbers are not (issue 12, point 17). */
class CardNumbersTest {
    private static List<String> cards(String text) {
        return PersonalData.find(text).stream().filter(f -> f.kind().equals("card"))
            .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void groupedCardNumbersAreFoundEvenWhenTheyFailLuhn() {
        assertEquals(List.of("4970 1012 3456 7894"), cards("ma carte 4970 1012 3456 7894 a été débitée deux fois"),
            "16 digits in groups of 4, failing Luhn");
        assertEquals(List.of("4970-1012-3456-7891"), cards("card 4970-1012-3456-7891, please refund"));
        assertEquals(List.of("3714 496353 98432"), cards("Amex 3714 496353 98432 charged twice"), "4-6-5, failing Luhn");
        assertEquals(List.of("4970 1012 3456 789"), cards("j'ai tapé 4970 1012 3456 789 (il manque un chiffre)"),
            "15 digits: a digit forgotten");
        assertEquals(List.of("4970 1012 3456 7894"), cards("4970 1012 3456 7894 12 34 56"),
            "the card alone, not the numbers that follow");
        assertEquals(List.of("4970 1012 3456 7893"), cards("valid one 4970 1012 3456 7893"));
        assertEquals(List.of("4970101234567893"), cards("ungrouped but Luhn-valid 4970101234567893"));
    }

    @Test
    void ordinaryNumbersAreLeftAlone() {
        for (String text : List.of("commande 123456789012 livrée en retard", "order 1234-5678-9012 never arrived",
            "appelez le 06 12 34 56 78 ou le 01 23 45 67 89", "call +44 20 7946 0958 or +1 415 555 2671",
            "le 05/11/2026 à 14:30, puis le 2026-11-12", "référence CMD-2026-1105-7788-9900", "colis n°1234 5678 9012 3456",
            "EAN 3017620422003", "suivi 4970101234567894", "3 articles à 19,99 €, total 59,97 €", "le 12 11 2026 14 30 00",
            "ticket 2026 1105 778")) {
            assertEquals(List.of(), cards(text), text);
        }
    }
}
