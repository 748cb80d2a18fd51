package org.entraide.moderation.internal.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Personal data in public text: e-mail addresses, French and international phone numbers, IBANs (checked with
 * their mod-97 digits) and payment card numbers. A card number written in groups ("4970 1012 3456 7894", 13 to 19
 * digits) is masked even when it fails Luhn, since a customer who quotes their card wrongly still exposes most of
 * it; an ungrouped run of 13 to 19 digits must pass Luhn, because order, parcel and barcode numbers look like it.
 * Patterns run on RE2/J: linear time, whatever the text.
 */
public final class PersonalData {
    /** What was found, at [start, end) of the text. */
    public record Found(int start, int end, String kind) {
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\\.[A-Za-z]{2,24}");
    private static final Pattern FR_PHONE = Pattern.compile("(?:\\+33[ .-]?|0033[ .-]?|\\b0)[1-9](?:[ .-]?[0-9]{2}){4}\\b");
    private static final Pattern INTL_PHONE = Pattern.compile("\\+[1-9][0-9]{0,2}(?:[ .-]?[0-9]{2,4}){3,5}\\b");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern CARD = Pattern.compile("\\b[0-9](?:[ -]?[0-9]){12,18}\\b");
    /** Digits in groups separated by one space or dash; {@link CardGroups} decides whether they look like a card. */
    private static final Pattern GROUPED = Pattern.compile("\\b[0-9]{1,6}(?:[ -][0-9]{1,6}){1,7}\\b");

    private PersonalData() {
    }

    public static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        add(out, text, EMAIL, "email");
        add(out, text, IBAN, "iban");
        add(out, text, CARD, "card");
        addGroupedCards(out, text);
        add(out, text, FR_PHONE, "phone");
        add(out, text, INTL_PHONE, "phone");
        return out;
    }

    private static void add(List<Found> out, String text, Pattern p, String kind) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            String hit = text.substring(s, e);
            boolean valid = switch (kind) {
                case "iban" -> ibanValid(hit);
                case "card" -> luhn(hit.replaceAll("[ -]", ""));
                default -> true;
            };
            if (valid && out.stream().noneMatch(f -> f.start() < e && s < f.end())) {
                out.add(new Found(s, e, kind));
            }
        }
    }

    private static void addGroupedCards(List<Found> out, String text) {
        Matcher m = GROUPED.matcher(text);
        while (m.find()) {
            int s = m.start();
            int e = CardGroups.end(text, s, m.group());
            if (e > 0 && out.stream().noneMatch(f -> f.start() < e && s < f.end())) {
                out.add(new Found(s, e, "card"));
            }
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }

    static boolean ibanValid(String raw) {
        String iban = raw.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
