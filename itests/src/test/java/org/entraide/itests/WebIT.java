package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The web pages, a boot feature of the distribution, served beside the API in a real Karaf. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebIT extends EntraideKarafTestSupport {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    public void theDemoBrandHomeIsServedAndTheRootRedirectsToIt() throws Exception {
        ApiClient client = api();
        Awaitility.await("web pages").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> page("/b/demo").statusCode() == 200);
        HttpResponse<String> home = page("/b/demo");
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        // absolute, on the configured public base URL (public.base.url), never on the request's Host
        assertTrue(home.body(), home.body().matches("(?s).*<link rel=\"canonical\" href=\"https?://[^\"/]+/b/demo\">.*"));
        assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals(200, page("/static/entraide-4.css").statusCode());
        HttpResponse<String> root = page("/");
        assertEquals(root.body(), 303, root.statusCode());
        assertEquals("/b/demo", root.headers().firstValue("Location").orElse(""));
        assertEquals(200, client.get("/api/v1/health", null).status());
    }

    /** Forms in Karaf: a member signs in with the page's token, asks, and the question is published. */
    @Test
    public void aMemberSignsInAndAsksThroughTheForms() throws Exception {
        api();
        Awaitility.await("web pages").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> page("/b/demo").statusCode() == 200);
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
            .build();
        String base = "http://127.0.0.1:" + System.getProperty(PORT_PROPERTY);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/b/demo/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        String token = csrf(login.body());
        HttpResponse<String> signedIn = form(browser, base + "/b/demo/login", "email=customer%40demo.example&password=entraide-demo"
            + "&next=%2Fb%2Fdemo%2Fask&csrf=" + token);
        assertEquals(signedIn.body(), 303, signedIn.statusCode());
        assertTrue(signedIn.headers().allValues("Set-Cookie").toString(),
            signedIn.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("entraide_session=") && c.contains("HttpOnly")));
        HttpResponse<String> ask = browser.send(HttpRequest.newBuilder(URI.create(base + "/b/demo/ask")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ask.statusCode());
        HttpResponse<String> asked = form(browser, base + "/b/demo/ask", "title=Which+lamp+for+a+reading+corner%3F"
            + "&body=Something+**warm**.&action=publish&csrf=" + csrf(ask.body()));
        assertEquals(asked.body(), 303, asked.statusCode());
        String location = asked.headers().firstValue("Location").orElse("");
        assertTrue(location, location.matches("/b/demo/questions/[0-9]+"));
        HttpResponse<String> question = page(location);
        assertTrue(question.body(), question.body().contains("<strong>warm</strong>"));
        assertEquals("gzip", http.send(HttpRequest.newBuilder(URI.create(base + location)).header("Accept-Encoding", "gzip").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray()).headers().firstValue("Content-Encoding").orElse(""));
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(html, m.find());
        return m.group(1);
    }

    private static HttpResponse<String> form(HttpClient browser, String url, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", url.substring(0, url.indexOf("/b/"))).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(PORT_PROPERTY) + path))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
