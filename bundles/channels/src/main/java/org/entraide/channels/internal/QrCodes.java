package org.entraide.channels.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Draws QR codes with ZXing's encoder: the module matrix is drawn here, as whole pixels per module (sharp when
 * printed) for PNG and as one path for SVG. Level M survives a poster's wear; four modules of quiet zone, as the
 * standard asks.
 */
final class QrCodes {
    private static final int QUIET = 4;

    private QrCodes() {
    }

    /** A PNG about {@code size} pixels wide (a whole number of pixels per module, never less than one). */
    static byte[] png(String text, int size) {
        ByteMatrix m = matrix(text);
        int modules = m.getWidth() + 2 * QUIET;
        int scale = Math.max(1, size / modules);
        int side = modules * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(java.awt.Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    g.fillRect((x + QUIET) * scale, (y + QUIET) * scale, scale, scale);
                }
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG of one path, in module units, that scales to any size. */
    static byte[] svg(String text) {
        ByteMatrix m = matrix(text);
        int modules = m.getWidth() + 2 * QUIET;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    path.append('M').append(x + QUIET).append(' ').append(y + QUIET).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + modules + " " + modules
            + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
            + path + "\"/></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteMatrix matrix(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters in a QR code", e);
        }
    }
}
