package org.entraide.channels.internal;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The local parts of relay addresses: {@code r} and 26 base-32 characters (130 random bits), so that an address can
 * be neither guessed nor told from another complaint's, and never looks like a store's code.
 */
final class RelayAddresses {
    static final Pattern LOCAL_PART = Pattern.compile("r[a-z2-7]{26}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RelayAddresses() {
    }

    static String newLocalPart() {
        StringBuilder out = new StringBuilder("r");
        for (int i = 0; i < 26; i++) {
            out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    static boolean isRelay(String local) {
        return local != null && LOCAL_PART.matcher(local).matches();
    }
}
