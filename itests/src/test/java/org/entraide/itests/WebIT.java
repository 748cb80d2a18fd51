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
        assertTrue(home.body(), home.body().contains("<link rel=\"canonical\" href=\"/b/demo\">"));
        assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals(200, page("/static/entraide-2.css").statusCode());
        HttpResponse<String> root = page("/");
        assertEquals(root.body(), 303, root.statusCode());
        assertEquals("/b/demo", root.headers().firstValue("Location").orElse(""));
        assertEquals(200, client.get("/api/v1/health", null).status());
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(PORT_PROPERTY) + path))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
