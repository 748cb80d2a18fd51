package org.entraide.moderation.internal.text;

/**
 * Where digits written in groups look like a payment card number, Luhn or not: 13 to 19 digits in at least three
 * groups, every group but the last of 3 to 6 digits (cards print 4-4-4-4, 4-6-5, 4-4-4-4-3). Phone numbers (groups
 * of 2, or a leading "+"), dates and short order numbers do not qualify, nor references that carry a prefix
 * ("CMD-2026-1105-7788-9900", "n°1234 5678 …").
 */
final class CardGroups {
    private CardGroups() {
    }

    /**
     * The end (exclusive) in the text of the longest run of the hit's first groups that looks like a card, or -1.
     * Shorter runs are tried because the groups that follow a card ("… 7894 12 34") may belong to something else.
     */
    static int end(String text, int start, String hit) {
        if (prefixed(text, start)) {
            return -1;
        }
        String[] groups = hit.split("[ -]");
        for (int n = groups.length; n >= 3; n--) {
            // a short last group is the end of a card ("… 3456 789") only when no other group follows it
            if (cardLike(groups, n) && (n == groups.length || groups[n - 1].length() >= 3)) {
                int length = n - 1;
                for (int i = 0; i < n; i++) {
                    length += groups[i].length();
                }
                return start + length;
            }
        }
        return -1;
    }

    private static boolean cardLike(String[] groups, int n) {
        int digits = 0;
        for (int i = 0; i < n; i++) {
            if (i < n - 1 && groups[i].length() < 3) {
                return false;
            }
            digits += groups[i].length();
        }
        return digits >= 13 && digits <= 19;
    }

    private static boolean prefixed(String text, int start) {
        int i = start - 1;
        if (i >= 0 && (text.charAt(i) == '+' || Character.isLetter(text.charAt(i)) || text.charAt(i) == '°')) {
            return true;
        }
        return i >= 1 && "-_/#".indexOf(text.charAt(i)) >= 0 && Character.isLetterOrDigit(text.charAt(i - 1));
    }
}
