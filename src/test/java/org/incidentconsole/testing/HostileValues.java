package org.incidentconsole.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values that would run code or change a command if pasted into it raw: the forms of issue #14 and a seeded
 * generator of more. Each command-running form touches {@code marker}, so a test can assert it never appears.
 */
public final class HostileValues {
    private static final String[] PIECES = {"$(", ")", "`", ";", "|", "&&", "&", "||", "*", "?", "[a]", "{a,b}", "~",
        "$HOME", "${IFS}", "$IFS", " #", "#", "'", "\"", "\\", "\\\\", " ", "\t", "<", ">", ">>", "!", "$", "${",
        "}", "(", "=", "--", "é", "日本", "🙂", "\u200b", "%s", "%n", "\\n", "$'\\x41'", "$((1+1))", "<<EOF", "'\\''"};

    private HostileValues() {
    }

    public static List<String> fixed(Path marker) {
        String m = marker.toString();
        return List.of("$(touch " + m + ")", "`touch " + m + "`", "v1.2$(touch${IFS}" + m + ")",
                "v1.2`touch${IFS}" + m + "`", "a; touch " + m, "a | touch " + m, "a && touch " + m,
                "a || touch " + m, "a & touch " + m, "*", "?", "[a]", "{a,b}", "{main,--hard}", "~", "~root",
                "$HOME", "$REDISCLI_AUTH", "${IFS}", "abc #", "abc # $(touch " + m + ")", "it's", "say \"hi\"",
                "'; touch " + m + "; '", "\"; touch " + m + "; \"", "back\\slash", "\\", "trailing\\",
                "two words", "tab\there", "  padded  ", "unicode é 日本 🙂", "$((6*7))", "<input", ">" + m,
                "$'\\x41'", "!!", "%s%n", "a=b", "EOF", "x\"$(touch " + m + ")\"", "'$(touch " + m + ")'",
                "${PATH:0:1}", "$(", ")", "'", "\"", "`", "x[$(touch " + m + ")]", "a[`touch " + m + "`]");
    }

    /** {@code count} values of 1–12 hostile pieces and letters, never starting with '-', never a line break. */
    public static List<String> random(long seed, int count, Path marker) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder v = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int k = 0; k < pieces; k++) {
                int pick = random.nextInt(PIECES.length + 3);
                if (pick < PIECES.length) {
                    v.append(PIECES[pick]);
                } else if (pick == PIECES.length) {
                    v.append("touch ").append(marker);
                } else {
                    v.append((char) ('a' + random.nextInt(26)));
                }
            }
            String value = v.toString();
            out.add(value.startsWith("-") ? "x" + value : value);
        }
        return out;
    }
}
