package org.entraide.core.internal.avatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Problems;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/**
 * Avatars through real HTTP: what is served is always a 128-pixel PNG the server drew, whatever was uploaded; a
 * file that is not the picture it claims, too large a file or too large a picture is refused and changes nothing.
 */
public abstract class AvatarScenarios extends ApiScenarios {
    private static final String ME = "/api/v1/brands/demo/me/avatar";
    private final HttpClient client = HttpClient.newHttpClient();

    private Http.Response upload(Member m, String mediaType, byte[] bytes) {
        return http.send(http.builder(ME, m.token()).header("Content-Type", mediaType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private HttpResponse<byte[]> avatar(String brand, long userId) {
        try {
            return client.send(HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/v1/brands/" + brand + "/users/"
                + userId + "/avatar")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "a readable picture");
            return image;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(image, format, out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A red picture with a white square in the middle, {@code w}×{@code h}. */
    private static BufferedImage picture(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillRect(w / 2 - 5, h / 2 - 5, 10, 10);
        g.dispose();
        return image;
    }

    private long storedAvatars(long userId) {
        return server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM user_avatar WHERE user_id = ?", userId));
    }

    @Test
    void everyMemberHasADrawnAvatarUntilTheyUploadOne() {
        Member m = community.join("demo");
        HttpResponse<byte[]> drawn = avatar("demo", m.id());
        assertEquals(200, drawn.statusCode());
        assertEquals("image/png", drawn.headers().firstValue("Content-Type").orElse(""));
        assertTrue(drawn.headers().firstValue("Cache-Control").orElse("").startsWith("public"), "cacheable: " + drawn.headers());
        assertEquals(AvatarImages.SIZE, read(drawn.body()).getWidth());
        assertArrayEquals(drawn.body(), avatar("demo", m.id()).body(), "the same picture every time");
        Member other = community.join("demo");
        assertFalse(Arrays.equals(drawn.body(), avatar("demo", other.id()).body()), "another member, another picture");
    }

    @Test
    void anUploadedPictureIsServedRedrawnAsASquarePng() {
        Member m = community.join("demo");
        byte[] jpeg = encode(picture(400, 200), "jpg");
        assertEquals(204, upload(m, "image/jpeg", jpeg).status());
        byte[] served = avatar("demo", m.id()).body();
        assertFalse(Arrays.equals(jpeg, served), "never the uploaded bytes");
        BufferedImage image = read(served);
        assertEquals(AvatarImages.SIZE, image.getWidth());
        assertEquals(AvatarImages.SIZE, image.getHeight());
        Color centre = new Color(image.getRGB(64, 64));
        Color edge = new Color(image.getRGB(2, 64));
        assertTrue(centre.getRed() > 200 && centre.getGreen() > 200, "the centre is the white square: " + centre);
        assertTrue(edge.getRed() > 200 && edge.getGreen() < 80, "cropped from the middle, red around: " + edge);

        byte[] png = encode(picture(64, 64), "png");
        // metadata a browser could be fooled by is not kept: a text chunk appended after the picture is dropped
        byte[] withScript = concat(png, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, upload(m, "image/png", withScript).status());
        byte[] again = avatar("demo", m.id()).body();
        assertFalse(new String(again, StandardCharsets.ISO_8859_1).contains("<script>"), "nothing of the upload's extra bytes");
        assertEquals(AvatarImages.SIZE, read(again).getWidth());
    }

    @Test
    void aWebpPictureIsTakenToo() throws IOException {
        Member m = community.join("demo");
        byte[] webp;
        try (InputStream in = AvatarScenarios.class.getResourceAsStream("/avatars/sample.webp")) {
            webp = in.readAllBytes();
        }
        assertEquals(204, upload(m, "image/webp", webp).status());
        BufferedImage image = read(avatar("demo", m.id()).body());
        Color centre = new Color(image.getRGB(64, 64));
        Color corner = new Color(image.getRGB(2, 2));
        assertTrue(centre.getRed() > 200 && centre.getGreen() > 200, "white in the middle: " + centre);
        assertTrue(corner.getRed() > 150 && corner.getGreen() < 80, "red around it: " + corner);
    }

    @Test
    void disguisedOversizedOrHugePicturesAreRefusedAndChangeNothing() {
        Member m = community.join("demo");
        assertEquals(204, upload(m, "image/png", encode(picture(50, 50), "png")).status());
        byte[] before = avatar("demo", m.id()).body();

        Http.Response disguised = upload(m, "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        Problems.assertProblem(400, disguised, "an HTML page sent as a PNG");
        assertEquals("image", disguised.json().at("/errors/0/field").asText(), "names the image: " + disguised);
        Problems.assertProblem(400, upload(m, "image/jpeg", encode(picture(50, 50), "png")), "a PNG sent as a JPEG");
        byte[] truncated = Arrays.copyOf(encode(picture(300, 300), "png"), 60);
        Problems.assertProblem(400, upload(m, "image/png", truncated), "a broken PNG");
        Problems.assertProblem(415, upload(m, "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a'}), "a GIF");
        Problems.assertProblem(415, http.put(ME, m.token(), "{\"image\":\"x\"}"), "JSON");

        byte[] tooLarge = new byte[Avatars.MAX_UPLOAD_BYTES + 1];
        byte[] png = encode(picture(10, 10), "png");
        System.arraycopy(png, 0, tooLarge, 0, png.length);
        Problems.assertProblem(413, upload(m, "image/png", tooLarge), "more than 1 MB");

        // a small file that declares a picture far larger than any avatar (a decompression bomb)
        byte[] bomb = encode(new BufferedImage(7000, 10, BufferedImage.TYPE_BYTE_BINARY), "png");
        assertTrue(bomb.length < 10_000, "small on the wire: " + bomb.length);
        Problems.assertProblem(400, upload(m, "image/png", bomb), "7000 pixels wide");

        assertArrayEquals(before, avatar("demo", m.id()).body(), "the earlier avatar is still served");
    }

    @Test
    void onlyTheMemberChangesTheirAvatarInTheirOwnBrand() {
        Member m = community.join("demo");
        byte[] png = encode(picture(40, 40), "png");
        Problems.assertProblem(401, http.send(http.builder(ME, null).header("Content-Type", "image/png")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(png))), "anonymous");
        String other = Community.unique("other");
        server.core.administration.createBrand(other, "Other", "admin@" + other + ".example", "other-admin-password", "Boss-" + other);
        Problems.assertProblem(403, http.send(http.builder("/api/v1/brands/" + other + "/me/avatar", m.token())
            .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(png))), "in another brand");
        assertEquals(404, avatar(other, m.id()).statusCode(), "not a member of the other brand");
        assertEquals(404, avatar("demo", 999_999_999L).statusCode(), "nobody");

        assertEquals(204, upload(m, "image/png", png).status());
        assertEquals(1, storedAvatars(m.id()));
        assertEquals(204, http.delete(ME, m.token()).status(), "back to the drawn one");
        assertEquals(0, storedAvatars(m.id()));
        assertEquals(200, avatar("demo", m.id()).statusCode());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
