package org.incidentconsole.redact;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/** Check digits that tell a card number or an IBAN from any other run of digits. */
final class Checksums {
    /** IBAN length per country (ISO 13616 registry). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AT", 20), Map.entry("AZ", 28), Map.entry("BA", 20),
            Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("CH", 21),
            Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
            Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30),
            Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LI", 21), Map.entry("LT", 20),
            Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22),
            Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
            Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VG", 24), Map.entry("XK", 20));

    private Checksums() {
    }

    static String digits(String s) {
        StringBuilder d = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                d.append(s.charAt(i));
            }
        }
        return d.toString();
    }

    /**
     * How much of a run of digit groups is a card number: the longest prefix ending at a group boundary with 13 to
     * 19 digits, starting 2–6 (the card networks' ranges), that passes the Luhn check; 0 if none.
     */
    static int cardNumberLength(String text) {
        int digits = 0;
        int best = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
                boolean boundary = i + 1 == text.length() || !Character.isDigit(text.charAt(i + 1));
                if (boundary && digits >= 13 && digits <= 19 && isCardNumber(text.substring(0, i + 1))) {
                    best = i + 1;
                }
            }
        }
        return best;
    }

    static boolean isCardNumber(String text) {
        String d = digits(text);
        if (d.length() < 13 || d.length() > 19 || d.charAt(0) < '2' || d.charAt(0) > '6') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int v = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    /** How much of the candidate is an IBAN of its country's length passing the ISO 7064 mod-97 check; 0 if none. */
    static int ibanLength(String text) {
        Integer length = IBAN_LENGTHS.get(text.substring(0, 2));
        int seen = 0;
        for (int i = 0; length != null && i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && ++seen == length) {
                return isIban(text.substring(0, i + 1)) ? i + 1 : 0;
            }
        }
        return 0;
    }

    static boolean isIban(String text) {
        String c = digits(text);
        Integer length = IBAN_LENGTHS.get(c.substring(0, 2));
        if (length == null || c.length() != length) {
            return false;
        }
        StringBuilder numeric = new StringBuilder();
        for (char ch : (c.substring(4) + c.substring(0, 4)).toCharArray()) {
            numeric.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /**
     * A national number: 10 to 12 digits in groups, and not a list of octal file modes ({@code 0755 0644 0600}),
     * the one common run of 0-led four-digit groups.
     */
    static boolean isNationalPhone(String text) {
        boolean octalModes = Arrays.stream(text.split("[ /-]"))
                .allMatch(g -> g.length() == 4 && g.charAt(0) == '0' && g.chars().allMatch(c -> c >= '0' && c <= '7'));
        return hasPhoneDigits(text, 10, 12) && !octalModes;
    }

    /** How many digits a phone number candidate has: 8 to 15 make a number (E.164 allows 15). */
    static boolean hasPhoneDigits(String text, int min, int max) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += Character.isDigit(text.charAt(i)) ? 1 : 0;
        }
        return n >= min && n <= max;
    }
}
