package org.entraide.web.internal;

/**
 * A browser's user agent as its owner recognises it on their sessions page ("Firefox, Android"), rather than the
 * whole string; an agent it cannot read is kept, shortened.
 */
final class Devices {
    private static final int MAX = 120;

    private Devices() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null && system == null) {
            return userAgent.length() > MAX ? userAgent.substring(0, MAX) : userAgent;
        }
        return browser == null ? system : system == null ? browser : browser + ", " + system;
    }

    // order matters: Edge and Opera also say Chrome, Chrome also says Safari
    private static String browser(String ua) {
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("OPR/")) {
            return "Opera";
        }
        if (ua.contains("Firefox/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String system(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X")) {
            return "macOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}
