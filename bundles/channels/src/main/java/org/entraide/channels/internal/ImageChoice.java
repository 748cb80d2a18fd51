package org.entraide.channels.internal;

import java.util.Locale;

/** Picks PNG or SVG from an Accept header, by its q-values; PNG when both are as welcome, null when neither is. */
final class ImageChoice {
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";

    private ImageChoice() {
    }

    static String of(String accept) {
        if (accept == null || accept.isBlank()) {
            return PNG;
        }
        // a type named outright wins over a wildcard, whatever their order
        double png = -1;
        double svg = -1;
        double any = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals(PNG)) {
                png = Math.max(png, q);
            } else if (type.equals(SVG)) {
                svg = Math.max(svg, q);
            } else if (type.equals("image/*") || type.equals("*/*")) {
                any = Math.max(any, q);
            }
        }
        png = png < 0 ? any : png;
        svg = svg < 0 ? any : svg;
        if (png <= 0 && svg <= 0) {
            return null;
        }
        return png >= svg ? PNG : SVG;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2));
                    return q < 0 || q > 1 ? 0 : q;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
