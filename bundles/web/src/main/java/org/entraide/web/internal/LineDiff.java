package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences between two versions of a text, line by line (longest common subsequence), for the revision history.
 * Posts are at most 20,000 characters, so the quadratic table stays small; longer inputs are compared as whole blocks.
 */
final class LineDiff {
    /** One line of the comparison: {@code kind} is "same", "added" or "removed". */
    record Line(String kind, String text) {
    }

    private static final int MAX_LINES = 2_000;

    private LineDiff() {
    }

    static List<Line> of(String before, String after) {
        String[] a = before == null || before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after == null || after.isEmpty() ? new String[0] : after.split("\n", -1);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String s : a) {
                out.add(new Line("removed", s));
            }
            for (String s : b) {
                out.add(new Line("added", s));
            }
            return out;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line("same", a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line("removed", a[i++]));
            } else {
                out.add(new Line("added", b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line("removed", a[i++]));
        }
        while (j < b.length) {
            out.add(new Line("added", b[j++]));
        }
        return out;
    }
}
