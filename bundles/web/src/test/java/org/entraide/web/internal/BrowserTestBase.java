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

    /** A new member of the demo brand, their e-mail verified, password "a-long-password": their pseudonym, also the
     * local part of their address at example.com. */
    String verifiedMember(String prefix) {
        String name = prefix + java.util.UUID.randomUUID().toString().substring(0, 6);
        community.http().post("/api/v1/auth/register", null, org.entraide.core.internal.support.Http.json("brand", "demo",
            "email", name + "@example.com", "password", "a-long-password", "pseudonym", name));
        community.verify(server, "demo", name + "@example.com");
        return name;
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
