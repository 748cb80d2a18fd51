package org.entraide.core.internal.picture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.IntBinaryOperator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.web.Pictures;

/**
 * Reads an uploaded picture for avatars and attachments alike: the declared type must match the file's own
 * signature, and the dimensions are read before any pixel, so that a small file declaring a huge picture (a
 * decompression bomb) is refused before it fills the memory. Every refusal is a 400 problem naming the request field.
 */
public final class PictureDecoder {
    private PictureDecoder() {
    }

    /**
     * The upload's pixels, every {@code step}-th of them.
     *
     * @param maxSide the largest width or height accepted, at most {@link Pictures#MAX_SIDE}
     * @param step from the picture's width and height, read every n-th pixel: the caller needs no more to draw its
     *     picture, and it bounds the memory the decoding takes
     */
    public static BufferedImage decode(String mediaType, byte[] upload, String field, int maxSide, IntBinaryOperator step) {
        if (!matchesSignature(mediaType, upload)) {
            throw ProblemException.invalid(field, "the file is not a " + mediaType.substring(mediaType.indexOf('/') + 1)
                .toUpperCase(Locale.ROOT) + " picture");
        }
        ImageReader reader = reader(mediaType);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > maxSide || height > maxSide || (long) width * height > Pictures.MAX_PIXELS) {
                throw ProblemException.invalid(field, "the picture must be at most " + maxSide + " pixels a side and "
                    + Pictures.MAX_PIXELS / 1_000_000 + " megapixels");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int n = Math.max(1, step.applyAsInt(width, height));
            param.setSourceSubsampling(n, n, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw ProblemException.invalid(field, "the picture could not be read");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.invalid(field, "the picture could not be read");
        } finally {
            reader.dispose();
        }
    }

    static boolean matchesSignature(String mediaType, byte[] b) {
        return switch (mediaType) {
            case Pictures.PNG -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case Pictures.JPEG -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
            case Pictures.WEBP -> b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
            default -> false;
        };
    }

    /**
     * The JDK's readers for PNG and JPEG; TwelveMonkeys' for WebP, created directly rather than found through
     * ImageIO's registry, which does not see a bundle's plugins in OSGi.
     */
    private static ImageReader reader(String mediaType) {
        if (Pictures.WEBP.equals(mediaType)) {
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no reader for " + mediaType);
        }
        return readers.next();
    }
}
