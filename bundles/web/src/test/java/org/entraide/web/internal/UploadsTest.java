package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The multipart forms' reading: several files for the filing form, each form's limits, file names shown back. */
class UploadsTest {
    private static final String BOUNDARY = "----entraide-test";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private static byte[] form(String body, int files, String fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + body + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files; i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[] {(byte) i, 1, 2});
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        // an empty file input, as browsers send it when nothing was chosen
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void theFilingFormCarriesSeveralPicturesAndALongText() throws Exception {
        String text = "é".repeat(5_000);
        Uploads.Form f = Uploads.read(TYPE, new ByteArrayInputStream(form(text, 3, "photo.png")), Uploads.limits("/b/demo/complaints/new"));
        assertEquals(text, f.fields().get("body"), "a complaint's text is longer than the avatar form's fields");
        assertEquals(3, f.files().size(), "every picture, and no empty file input: " + f.files());
        assertArrayEquals(new byte[] {2, 1, 2}, f.files().get(2).bytes());
        assertEquals("photo.png", f.files().get(0).fileName());
        assertEquals("image/png", f.files().get(0).contentType());
    }

    @Test
    void eachFormKeepsItsLimits() {
        assertThrows(Uploads.TooLarge.class, () -> Uploads.read(TYPE, new ByteArrayInputStream(form("x".repeat(2_000), 1, "a.png")),
            Uploads.limits("/b/demo/me/account/avatar")), "the avatar form's fields stay short");
        assertThrows(Uploads.TooLarge.class, () -> Uploads.read(TYPE, new ByteArrayInputStream(form("x", 2, "a.png")),
            Uploads.limits("/b/demo/complaints/7/attachments")), "one picture at a time on the complaint's page");
        assertThrows(Uploads.TooLarge.class, () -> Uploads.read(TYPE, new ByteArrayInputStream(form("x", 11, "a.png")),
            Uploads.limits("/b/demo/complaints/new")), "ten pictures at most with a new complaint");
        assertEquals(List.of(Uploads.FILING, Uploads.ATTACHMENT, Uploads.AVATAR), List.of(Uploads.limits("/b/demo/complaints/new"),
            Uploads.limits("/b/demo/complaints/7/attachments"), Uploads.limits("/b/demo/me/account/avatar")));
    }

    @Test
    void aFileNameIsShownBackWithoutPathOrMarkup() {
        assertEquals("ticket.pdf", Uploads.fileName("C:\\Users\\camille\\ticket.pdf"));
        assertEquals("ticket.pdf", Uploads.fileName("/home/camille/ticket.pdf"));
        assertEquals("_img src_x onerror_alert(1)_.png", Uploads.fileName("<img src=x onerror=alert(1)>.png"));
        assertEquals("reçu_de_caisse.jpg", Uploads.fileName("reçu,de:caisse.jpg"));
        assertEquals(100, Uploads.fileName("a".repeat(300)).length());
        assertEquals("_evil.png", Uploads.fileName("\u202eevil.png"), "no bidirectional override");
        assertEquals("?", Uploads.fileName(""));
    }
}
