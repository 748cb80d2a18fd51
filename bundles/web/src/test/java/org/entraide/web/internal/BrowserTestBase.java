package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * A journey in Debian's headless chromium on the real pages, the axe-core accessibility rules run on every page it
 * checks. Skipped when chromium is absent outside CI; .ci/run installs it.
 */
abstract class BrowserTestBase extends WebTestBase {
    Chromium browser;
    final List<String> violations = new ArrayList<>();

    BrowserTestBase(Db db) {
        super(db);
    }

    /** Call once the server is set up: chromium starts last, so that nothing else waits for it. */
    void openBrowser() throws Exception {
        Assumptions.assumeTrue(Chromium.available() || System.getenv("CI") != null, "no /usr/bin/chromium");
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** Runs the accessibility rules on the page the browser shows; what they find is kept for the test's end. */
    void checkPage(String what) throws Exception {
        for (String v : browser.accessibilityViolations()) {
            violations.add(what + " " + browser.url() + ": " + v);
        }
    }

    void signIn(String email, String password) throws Exception {
        browser.clearCookies();
        browser.open(server.base() + "/b/demo/login");
        checkPage("sign-in");
        browser.fill("#f-email", email);
        browser.fill("#f-password", password);
        browser.click("main form button[type=submit]");
    }
}
