package org.entraide.channels.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ImageChoiceTest {
    @Test
    void pngUnlessSvgIsPreferredAndNothingWhenNeitherIsWelcome() {
        assertEquals(ImageChoice.PNG, ImageChoice.of(null), "no header: PNG");
        assertEquals(ImageChoice.PNG, ImageChoice.of("*/*"), "as welcome: PNG");
        assertEquals(ImageChoice.PNG, ImageChoice.of("image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"),
            "a browser's image request: both at 1, PNG");
        assertEquals(ImageChoice.SVG, ImageChoice.of("image/svg+xml"));
        assertEquals(ImageChoice.SVG, ImageChoice.of("image/png;q=0.4, image/svg+xml;q=0.9"));
        assertEquals(ImageChoice.SVG, ImageChoice.of("image/*, image/png;q=0"), "a type named outright wins over a wildcard");
        assertNull(ImageChoice.of("text/html"));
        assertNull(ImageChoice.of("image/png;q=0, image/svg+xml;q=0"));
        assertNull(ImageChoice.of("image/png;q=x"), "an unreadable quality counts as zero");
    }
}
