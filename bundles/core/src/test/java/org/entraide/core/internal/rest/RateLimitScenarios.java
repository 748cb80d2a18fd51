package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.ratelimit.RatePolicy;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Rate limits count per client address and per (account, address), back off instead of locking the owner out,
 * are shared by every node on the database, and follow a configuration change. Requests come from several
 * loopback addresses (127.0.0.x), bound on the client socket, as different clients would.
 */
public abstract class RateLimitScenarios extends ApiScenarios {
    static final int PER_PAIR = 3;
    static final int PER_ACCOUNT = 6;
    static final int REGISTER = 3;
    private static final String PASSWORD = "long-enough-password";

    @Override
    protected CoreSettings settings() {
        return CoreSettings.defaults().withRates(RatePolicy.defaults()
            .withLimits(Map.of("login", PER_PAIR, "login.account", PER_ACCOUNT, "login.address", 50, "register", REGISTER))
            .withBackoff(Duration.ofMinutes(1), Duration.ofMinutes(15)));
    }

    @Test
    void aStrangersGuessesNeverLockTheOwnerOut() throws Exception {
        String email = account();
        for (int i = 0; i < PER_PAIR; i++) {
            assertEquals(401, login("127.0.0.2", email, "guess-" + i).status, "guess " + i + " is refused");
        }
        Raw blocked = login("127.0.0.2", email, PASSWORD);
        assertEquals(429, blocked.status, "past its free failures the guesser waits, even with the right password: " + blocked);
        assertTrue(blocked.retryAfter() >= 1, "with Retry-After: " + blocked);
        assertEquals(200, login("127.0.0.3", email, PASSWORD).status, "the owner, elsewhere, logs in");
    }

    @Test
    void anAccountUnderAttackFromManyAddressesLetsItsOwnerInFromTheirUsualAddress() throws Exception {
        String email = account();
        assertEquals(200, login("127.0.0.10", email, PASSWORD).status, "the owner logs in from their usual address");
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertEquals(401, login("127.0.1." + (i + 1), email, "guess-" + i).status, "one guess from each of many addresses");
        }
        Raw unknown = login("127.0.2.1", email, PASSWORD);
        assertEquals(429, unknown.status, "a new address waits while the account is under attack: " + unknown);
        assertEquals(200, login("127.0.0.10", email, PASSWORD).status, "the owner's usual address still gets in");
    }

    @Test
    void registrationsAreLimitedPerAddressNotPerBrand() throws Exception {
        String taken = account();
        for (int i = 0; i < REGISTER; i++) {
            assertEquals(202, register("127.0.0.20", taken, Community.unique("Dup")).status, "an existing e-mail: answered as a new one");
        }
        assertEquals(429, register("127.0.0.20", Community.unique("new") + "@demo.example", Community.unique("New")).status,
            "that address is done for the window");
        assertEquals(202, register("127.0.0.21", Community.unique("new") + "@demo.example", Community.unique("New")).status,
            "a newcomer of the same brand, elsewhere, registers");
    }

    @Test
    void countersAreSharedByEveryNodeOnTheDatabase() throws Exception {
        try (TestServer second = new TestServer(dataSource, settings())) {
            String email = account();
            assertEquals(401, login(server, "127.0.0.30", email, "guess-1").status, "a guess on the first node");
            assertEquals(401, login(second, "127.0.0.30", email, "guess-2").status, "a guess on the second node");
            assertEquals(401, login(server, "127.0.0.30", email, "guess-3").status, "a guess on the first node");
            assertEquals(429, login(second, "127.0.0.30", email, PASSWORD).status, "two nodes allow what one allows");
        }
    }

    @Test
    void limitsFollowAConfigurationChange() throws Exception {
        for (int i = 0; i < REGISTER; i++) {
            register("127.0.0.40", account(), Community.unique("Again"));
        }
        assertEquals(429, register("127.0.0.40", Community.unique("x") + "@demo.example", Community.unique("X")).status, "full");
        CoreSettings before = settings();
        server.core.update(before.withRates(before.rates().withLimits(Map.of("register", REGISTER + 1))));
        try {
            assertEquals(202, register("127.0.0.40", Community.unique("x") + "@demo.example", Community.unique("X")).status,
                "a raised limit applies without a restart");
        } finally {
            server.core.update(before);
        }
    }

    @Test
    void theInstanceAdministratorIsNotLockableByStrangers() throws Exception {
        for (int i = 0; i < PER_PAIR; i++) {
            assertEquals(401, admin("127.0.0.50", "wrong-" + i).status, "a stranger's guess at the admin password");
        }
        assertEquals(429, admin("127.0.0.50", TestServer.ROOT_PASSWORD).status, "the stranger waits");
        assertEquals(200, admin("127.0.0.51", TestServer.ROOT_PASSWORD).status, "the operator, elsewhere, does not");
    }

    @Test
    void forwardedForIsBelievedFromTrustedProxiesOnly() {
        ClientAddress none = new ClientAddress(List.of());
        assertEquals("127.0.0.1", none.of("127.0.0.1", "127.0.0.99"), "no trusted proxy: the connection's address");
        ClientAddress proxied = new ClientAddress(List.of("127.0.0.0/24"));
        assertEquals("127.0.5.5", proxied.of("127.0.0.1", "127.0.9.9, 127.0.5.5"), "the last hop before the proxy");
        assertEquals("127.0.9.9", proxied.of("127.0.0.1", "127.0.9.9, 127.0.0.7"), "past every trusted hop");
        assertEquals("127.0.0.1", proxied.of("127.0.0.1", "evil.example"), "a name is not an address");
        assertEquals("127.0.1.1", proxied.of("127.0.1.1", "127.0.5.5"), "a client that is no proxy cannot forward");
    }

    @Test
    void theWebPagesForwardTheVisitorsAddressFromLoopback() throws Exception {
        String email = account();
        for (int i = 0; i < PER_PAIR; i++) {
            assertEquals(401, loginVia("127.0.0.1", "127.0.0.60", email, "guess-" + i).status, "guess " + i + " through loopback");
        }
        assertEquals(429, loginVia("127.0.0.1", "127.0.0.60", email, PASSWORD).status, "the forwarded address waits");
        assertEquals(200, loginVia("127.0.0.1", "127.0.0.61", email, PASSWORD).status, "another visitor, same page server, does not");
        for (int i = 0; i < PER_PAIR; i++) {
            login("127.0.0.62", email, "guess-" + i);
        }
        assertEquals(429, loginVia("127.0.0.62", "127.0.0.63", email, PASSWORD).status,
            "a client that is no trusted proxy cannot choose its address with X-Forwarded-For");
    }

    @Test
    void pagesCallingTheApiInProcessCountTheVisitorsAddressToo() throws Exception {
        String email = account();
        for (int i = 0; i < PER_PAIR; i++) {
            assertEquals(401, loginInProcess("127.0.0.70", email, "guess-" + i).status(), "guess " + i + " through a page");
        }
        assertEquals(429, loginInProcess("127.0.0.70", email, PASSWORD).status(), "the visitor's address waits");
        assertEquals(200, loginInProcess("127.0.0.71", email, PASSWORD).status(), "another visitor of the same node does not");
        assertEquals(200, login("127.0.0.72", email, PASSWORD).status, "nor a client over HTTP");
    }

    private org.entraide.api.web.LocalApi.Reply loginInProcess(String visitor, String email, String password) {
        org.entraide.api.web.LocalApi local = server.camel().getRegistry().lookupByNameAndType(
            org.entraide.api.web.LocalApi.REGISTRY_NAME, org.entraide.api.web.LocalApi.class);
        return local.call("POST", "/api/v1/auth/login", Map.of("Content-Type", "application/json", "X-Forwarded-For", visitor),
            Http.json("brand", "demo", "email", email, "password", password).getBytes(StandardCharsets.UTF_8));
    }

    /** A response read from a raw socket: the status and the Retry-After header. */
    record Raw(int status, String head) {
        long retryAfter() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("retry-after:")) {
                    return Long.parseLong(line.substring(12).trim());
                }
            }
            return -1;
        }
    }

    @Test
    void aPasswordResetLetsTheOwnerInAtOnceWhateverTheGuessesBefore() throws Exception {
        String email = account();
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertEquals(401, login("127.0.3." + (i + 1), email, "guess-" + i).status, "one guess from each of many addresses");
        }
        assertEquals(429, login("127.0.4.1", email, PASSWORD).status, "the owner, from a new address, waits");
        assertEquals(202, post(server, "127.0.4.1", "/api/v1/brands/demo/password-reset", Http.json("email", email)).status);
        String token = server.mailbox().lastToken(email, "account-reset-", "reset-password");
        assertEquals(204, post(server, "127.0.4.1", "/api/v1/brands/demo/password-reset/" + token,
            Http.json("password", "a-brand-new-passphrase")).status, "the owner proves they hold the address");
        assertEquals(200, login("127.0.4.1", email, "a-brand-new-passphrase").status, "and signs in at once");
    }

    private String account() {
        String email = Community.unique("target") + "@demo.example";
        server.core.accounts.register("demo", email, PASSWORD, Community.unique("Target"));
        return email;
    }

    private Raw login(String from, String email, String password) throws Exception {
        return login(server, from, email, password);
    }

    private Raw loginVia(String from, String forwardedFor, String email, String password) throws Exception {
        byte[] body = Http.json("brand", "demo", "email", email, "password", password).getBytes(StandardCharsets.UTF_8);
        return send(server, from, "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"
            + new String(body, StandardCharsets.UTF_8));
    }

    private static Raw login(TestServer node, String from, String email, String password) throws Exception {
        return post(node, from, "/api/v1/auth/login", Http.json("brand", "demo", "email", email, "password", password));
    }

    private Raw register(String from, String email, String pseudonym) throws Exception {
        return post(server, from, "/api/v1/auth/register",
            Http.json("brand", "demo", "email", email, "password", PASSWORD, "pseudonym", pseudonym));
    }

    private Raw admin(String from, String password) throws Exception {
        return send(server, from, "GET /api/v1/admin/brands HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
            + Http.basic(TestServer.ROOT_USER, password) + "\r\nConnection: close\r\n\r\n");
    }

    private static Raw post(TestServer node, String from, String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(node, from, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n" + json);
    }

    private static Raw send(TestServer node, String from, String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), node.port, InetAddress.getByName(from), 0)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
            return new Raw(Integer.parseInt(head.split(" ", 3)[1]), head);
        }
    }
}
