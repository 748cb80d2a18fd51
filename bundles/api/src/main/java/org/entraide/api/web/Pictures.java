package org.entraide.api.web;

import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's picture re-encoder, for plugins that accept uploaded pictures (complaint attachments): the same checks
 * as members' avatars, so that a plugin never ships its own image decoding. The declared type must match the file's
 * own signature, the dimensions are read before any pixel (a small file declaring a huge picture is refused before it
 * fills the memory), and the picture is drawn anew: no byte of an upload (metadata, a script in a comment, a
 * polyglot file) is ever served. The platform provides it; safe on any thread; it takes CPU time, so call it outside
 * a transaction.
 *
 * @since 1.4
 */
@ProviderType
public interface Pictures {
    String PNG = "image/png";
    String JPEG = "image/jpeg";
    String WEBP = "image/webp";
    /** The media types it reads. */
    Set<String> READABLE = Set.of(PNG, JPEG, WEBP);
    /** Larger pictures are refused: a phone photo is 4000 to 8000 pixels wide, a decompression bomb far more. */
    int MAX_SIDE = 12_000;
    long MAX_PIXELS = 50_000_000L;

    /** A re-encoded picture and its size. */
    record Picture(String mediaType, byte[] bytes, int width, int height) {
        public Picture {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(bytes, "bytes");
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("a picture has at least one pixel a side");
            }
        }
    }

    /**
     * The whole upload drawn anew as a JPEG of at most {@code maxSide} pixels a side, on white (JPEG has no
     * transparency), without metadata.
     *
     * @param mediaType the type the upload declares, one of {@link #READABLE}
     * @param field the request field a 400 problem names
     * @throws org.entraide.api.problem.ProblemException 415 when {@code mediaType} is not one of {@link #READABLE};
     *     400 naming {@code field} when the bytes are not a picture of that type, or one larger than {@link #MAX_SIDE}
     *     a side or {@link #MAX_PIXELS}
     */
    Picture photo(String mediaType, byte[] upload, String field, int maxSide);
}
