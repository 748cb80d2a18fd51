package org.entraide.channels.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import org.entraide.api.problem.ProblemException;

/**
 * Turns an attached photo into the picture Entraide serves, as the core does with avatars: the declared type must
 * match the file's own signature, the dimensions are read before any pixel (a small file declaring a huge picture is
 * refused before it fills the memory), and the picture is drawn anew as a JPEG of at most {@value #MAX_SERVED}
 * pixels a side. No byte of the upload is ever served: metadata (the phone's position), a script hidden in a comment
 * or a polyglot file are gone. Anything that is not a PNG, JPEG or WebP picture is refused with a 415 problem: a PDF
 * receipt cannot be made harmless the same way, so a receipt is sent as a photo.
 */
final class AttachmentImages {
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String WEBP = "image/webp";
    static final java.util.Set<String> ACCEPTED = java.util.Set.of(PNG, JPEG, WEBP);
    /** The picture served: enough to read a receipt, a few hundred kilobytes. */
    static final int MAX_SERVED = 2000;
    /** Larger pictures are refused: a phone photo is 4000 to 8000 pixels wide, a decompression bomb far more. */
    static final int MAX_SIDE = 12_000;
    static final long MAX_PIXELS = 50_000_000L;

    /** A re-encoded picture and its size. */
    record Picture(String mediaType, byte[] bytes, int width, int height) {
    }

    private AttachmentImages() {
    }

    /** The upload, re-encoded; 415 when not of an accepted type, 400 naming {@code file} when it is not that picture. */
    static Picture reencode(String mediaType, byte[] upload) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
        if (!ACCEPTED.contains(type)) {
            throw ProblemException.unsupportedMediaType("attachments are PNG, JPEG or WebP pictures (a receipt is sent as a photo)");
        }
        if (!matchesSignature(type, upload)) {
            throw ProblemException.invalid("file", "the file is not a " + type.substring("image/".length()).toUpperCase(
                java.util.Locale.ROOT) + " picture");
        }
        BufferedImage decoded = decode(type, upload);
        BufferedImage drawn = redraw(decoded);
        return new Picture(JPEG, jpeg(drawn), drawn.getWidth(), drawn.getHeight());
    }

    /** The media type a file's first bytes say it is, among the accepted ones; null for any other. */
    static String sniff(byte[] b) {
        for (String t : new String[] {PNG, JPEG, WEBP}) {
            if (matchesSignature(t, b)) {
                return t;
            }
        }
        return null;
    }

    static boolean matchesSignature(String mediaType, byte[] b) {
        return switch (mediaType) {
            case PNG -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case JPEG -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
            case WEBP -> b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
            default -> false;
        };
    }

    private static BufferedImage decode(String mediaType, byte[] upload) {
        ImageReader reader = reader(mediaType);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                throw ProblemException.invalid("file", "the picture must be at most " + MAX_SIDE + " pixels a side and "
                    + MAX_PIXELS / 1_000_000 + " megapixels");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            // every n-th pixel is enough to draw at most MAX_SERVED, and bounds the memory the decoding takes
            int step = Math.max(1, Math.max(width, height) / MAX_SERVED);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw ProblemException.invalid("file", "the picture could not be read");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.invalid("file", "the picture could not be read");
        } finally {
            reader.dispose();
        }
    }

    /** TwelveMonkeys' WebP reader created directly: ImageIO's registry does not see a bundle's plugins in OSGi. */
    private static ImageReader reader(String mediaType) {
        if (WEBP.equals(mediaType)) {
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no reader for " + mediaType);
        }
        return readers.next();
    }

    /** The whole picture, at most MAX_SERVED a side, on white (JPEG has no transparency). */
    private static BufferedImage redraw(BufferedImage image) {
        double scale = Math.min(1.0, (double) MAX_SERVED / Math.max(image.getWidth(), image.getHeight()));
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
