package org.entraide.core.internal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.entraide.api.problem.ProblemException;

/**
 * What a new password must not be, beyond its length (10 to 128, checked on the request): one of the common
 * or breached passwords of the shipped list (see the NOTICE beside it), the account's e-mail address or
 * pseudonym, or one character repeated. Compared without regard to case, as attackers' lists are used.
 */
public final class PasswordPolicy {
    static final String LIST = "/org/entraide/core/passwords/common-passwords.txt";

    private PasswordPolicy() {
    }

    /** @throws ProblemException 400 naming the field {@code password} when the password is refused */
    public static void check(String password, String email, String pseudonym) {
        check("password", password, email, pseudonym);
    }

    /** The same, for a field of another name (a brand's first admin). */
    public static void check(String field, String password, String email, String pseudonym) {
        if (password == null) {
            return; // the request's validation reports it
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (sameIgnoringCase(folded, email) || sameIgnoringCase(folded, pseudonym)) {
            throw ProblemException.invalid(field, "must not be the e-mail address or the pseudonym");
        }
        if (folded.isEmpty() || folded.chars().distinct().count() == 1) {
            throw ProblemException.invalid(field, "must not be one character repeated");
        }
        if (isCommon(password)) {
            throw ProblemException.invalid(field, "is in a list of common or breached passwords; choose another one");
        }
    }

    /** Whether the password, lower-cased, is in the shipped list. */
    public static boolean isCommon(String password) {
        return Arrays.binarySearch(Common.SORTED, password.toLowerCase(Locale.ROOT)) >= 0;
    }

    /** How many passwords the list holds. */
    static int size() {
        return Common.SORTED.length;
    }

    private static boolean sameIgnoringCase(String folded, String other) {
        return other != null && !other.isBlank() && folded.equals(other.strip().toLowerCase(Locale.ROOT));
    }

    /** Loaded once, on first use: about 1.4 MB of text. */
    private static final class Common {
        static final String[] SORTED = load();

        private static String[] load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + LIST);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>(120_000);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
                String[] sorted = lines.toArray(String[]::new);
                Arrays.sort(sorted); // the file is sorted already; sorting again costs little and guards the search
                return sorted;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + LIST, e);
            }
        }
    }
}
