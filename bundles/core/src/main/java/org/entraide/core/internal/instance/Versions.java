package org.entraide.core.internal.instance;

import java.util.Comparator;

/** Feature versions in OSGi order (major.minor.micro.qualifier), numbers compared as numbers. */
final class Versions {
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] x = a.split("[.-]", 4);
        String[] y = b.split("[.-]", 4);
        for (int i = 0; i < 4; i++) {
            String p = i < x.length ? x[i] : (i < 3 ? "0" : "");
            String q = i < y.length ? y[i] : (i < 3 ? "0" : "");
            int c = i < 3 && p.matches("\\d{1,9}") && q.matches("\\d{1,9}")
                ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
