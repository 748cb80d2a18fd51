package org.entraide.core.internal.avatar;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.entraide.core.internal.picture.PictureDecoder;

/**
 * Turns an uploaded picture into the avatar Entraide serves: decoded, cropped to a square and drawn anew as a
 * {@value #SIZE}-pixel PNG, so that no byte of the upload (metadata, a script disguised as an image, a
 * polyglot file) is ever served as it came. {@link PictureDecoder} reads it with the checks attachments share.
 */
public final class AvatarImages {
    public static final int SIZE = 128;
    /** Larger pictures are refused: a phone photo is 4000 pixels wide, a decompression bomb far more. */
    static final int MAX_SIDE = 6000;

    private AvatarImages() {
    }

    /** The upload, re-encoded; a 400 problem naming {@code image} when it is not a picture of the type it says. */
    public static byte[] reencode(String mediaType, byte[] upload) {
        // no need for every pixel of a photo to draw 128 of them: every n-th is enough
        BufferedImage decoded = PictureDecoder.decode(mediaType, upload, "image", MAX_SIDE,
            (w, h) -> Math.min(w, h) / (SIZE * 4));
        return png(square(decoded));
    }

    /** The picture's centre, as large a square as fits, scaled to {@link #SIZE}; transparency kept. */
    private static BufferedImage square(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHints(Map.of(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC,
                RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY));
            g.drawImage(image, 0, 0, SIZE, SIZE, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The avatar of a member who has none: a symmetric 5×5 pattern in a colour, both drawn from a digest of the
     * pseudonym, so that it is the same on every page and node and tells members apart without any text to render.
     */
    public static byte[] identicon(String pseudonym) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(pseudonym.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        float hue = ((digest[0] & 0xff) << 8 | (digest[1] & 0xff)) / 65536f;
        Color ink = Color.getHSBColor(hue, 0.55f, 0.75f);
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(0xf2, 0xf2, 0xf2));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(ink);
            int cell = SIZE / 6;
            int margin = (SIZE - 5 * cell) / 2;
            for (int row = 0; row < 5; row++) {
                for (int col = 0; col < 3; col++) {
                    if (((digest[2 + row * 3 + col] & 0xff) & 1) == 1) {
                        g.fillRect(margin + col * cell, margin + row * cell, cell, cell);
                        g.fillRect(margin + (4 - col) * cell, margin + row * cell, cell, cell);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return png(out);
    }
}
