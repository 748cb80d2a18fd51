package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Channels installed at runtime in the real distribution, with ZXing as its own bundle: a store's QR code, a
 * visitor's thanks counted, the poster page.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChannelsIT extends EntraideKarafTestSupport {
    private static final String DEMO = "/api/v1/brands/demo";
    private static final String LYON = DEMO + "/stores/LYON-PARTDIEU";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Test
    public void aStoresQrCodeAndThanksWorkInKaraf() throws Exception {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        features.installFeature("entraide-channels", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await("channels capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"channels\""));
        ApiClient.Response on = api.put(DEMO + "/features", admin, "{\"channels\":true}");
        assertEquals(on.toString(), 200, on.status());
        Awaitility.await("channels routes").atMost(Duration.ofSeconds(60)).until(() -> api.get(LYON + "/thanks", null).status() == 200);

        java.net.http.HttpResponse<byte[]> qr = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
            .newBuilder(java.net.URI.create("http://127.0.0.1:" + System.getProperty(PORT_PROPERTY) + LYON + "/qr")).header("Accept", "image/png").build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, qr.statusCode());
        assertEquals("image/png", qr.headers().firstValue("Content-Type").orElse(null));
        assertEquals("a PNG drawn by ZXing in OSGi", "PNG", new String(qr.body(), 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        ApiClient.Response thanks = api.post(LYON + "/thanks", null, "{\"message\":\"Merci !\",\"source\":\"qr\"}");
        assertEquals(thanks.toString(), 201, thanks.status());
        assertEquals(1, api.get(LYON + "/thanks", null).json.get("thanks").asLong());
        ApiClient.Response poster = api.get("/b/demo/stores/LYON-PARTDIEU/poster", null);
        assertEquals(200, poster.status());
        assertTrue(poster.raw.body(), poster.raw.body().contains("/api/v1/brands/demo/stores/LYON-PARTDIEU/qr"));
    }
}
