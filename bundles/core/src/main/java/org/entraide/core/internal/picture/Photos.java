package org.entraide.core.internal.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.web.Pictures;

/** The platform's {@link Pictures}: the whole picture, scaled down when larger than asked, as a JPEG without metadata. */
public final class Photos implements Pictures {
    @Override
    public Picture photo(String mediaType, byte[] upload, String field, int maxSide) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (!READABLE.contains(type)) {
            throw ProblemException.unsupportedMediaType("pictures are PNG, JPEG or WebP files");
        }
        // every n-th pixel is enough to draw at most maxSide
        BufferedImage decoded = PictureDecoder.decode(type, upload, field, MAX_SIDE, (w, h) -> Math.max(w, h) / maxSide);
        BufferedImage drawn = redraw(decoded, maxSide);
        return new Picture(JPEG, jpeg(drawn), drawn.getWidth(), drawn.getHeight());
    }

    /** The whole picture, at most maxSide a side, on white (JPEG has no transparency). */
    private static BufferedImage redraw(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHints(Map.of(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR,
                RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY));
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(JPEG).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            // no metadata given: the file carries only what the writer needs
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
