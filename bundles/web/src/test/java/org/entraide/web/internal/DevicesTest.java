package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DevicesTest {
    @Test
    void userAgentsReadAsTheirOwnersKnowThem() {
        assertEquals("Firefox, Android", Devices.describe("Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"));
        assertEquals("Chrome, Linux", Devices.describe("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/156.0.0.0 Safari/537.36"));
        assertEquals("Edge, Windows", Devices.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
            + "like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0"));
        assertEquals("Safari, iOS", Devices.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"));
        assertEquals("curl/8.5.0", Devices.describe("curl/8.5.0"), "an agent it cannot read is kept");
        assertEquals(120, Devices.describe("x".repeat(500)).length(), "shortened");
        assertNull(Devices.describe(" "));
    }
}
