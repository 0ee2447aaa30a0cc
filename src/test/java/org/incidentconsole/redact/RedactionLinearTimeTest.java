package org.incidentconsole.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Redaction time grows linearly with the line: adversarial single lines of 50 KB and 1 MB (a quadratic redactor
 * took 72 s on 100 KB). The bound is generous — 20× the 50 KB time plus slack for 20× the input, and 2 s
 * absolute —
 * so it fails only on super-linear growth. Figures are printed for the closing note.
 */
class RedactionLinearTimeTest {
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    record Shape(String name, BiFunction<Random, Integer, String> make) {
    }

    static String repeat(String unit, int size) {
        return unit.repeat(size / unit.length() + 1).substring(0, size);
    }

    static String random(Random r, String alphabet, int size) {
        StringBuilder b = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("hex dump (no spaces)", (r, n) -> random(r, "0123456789abcdef", n)),
            new Shape("hex dump (xxd)", (r, n) -> repeat("00000010: 6865 6c6c 6f20 776f 726c 640a 0000 ffee  ", n)),
            new Shape("random base64", (r, n) -> random(r, B64, n)),
            new Shape("a=a=a=", (r, n) -> repeat("a=", n)),
            new Shape("password=password=", (r, n) -> repeat("password=", n)),
            new Shape("runs of spaces", (r, n) -> repeat(" ".repeat(5000) + "x", n)),
            new Shape("DEL x", (r, n) -> repeat("DEL x ", n)),
            new Shape("AUTH AUTH", (r, n) -> repeat("AUTH ", n)),
            new Shape("mysql -p mysql -p", (r, n) -> repeat("mysql -p ", n)),
            new Shape("unclosed quotes", (r, n) -> repeat("--password \"a ", n)),
            new Shape("://@:@", (r, n) -> repeat("a://b:c@", n)),
            new Shape("@@@ emails", (r, n) -> repeat("a.b@c.", n)),
            new Shape("digits and spaces", (r, n) -> random(r, "0123456789 -", n)),
            new Shape("+ phone-like", (r, n) -> repeat("+4930 ", n)),
            new Shape("BEGIN without END", (r, n) -> repeat("-----BEGIN RSA PRIVATE KEY-----", n)),
            new Shape("Private-Lines:", (r, n) -> repeat("Private-Lines: 1 ", n)),
            new Shape("eyJ.eyJ.", (r, n) -> repeat("eyJabcd.", n)),
            new Shape("Cookie: Cookie:", (r, n) -> repeat("Cookie: ", n)),
            new Shape("dashes", (r, n) -> repeat("-", n)),
            new Shape("webhook URLs, no secret", (r, n) -> repeat("x.logic.azure.com:443/a?b&sig=/hooks/discord.com/api/"
                    + "webhooks/1234567890123456/x.webhook.office.com/webhookb2/", n)),
            new Shape("mixed noise", (r, n) -> random(r, B64 + " =:@/.-_'\"%?&", n)));

    @Test
    void a_one_megabyte_line_of_any_shape_redacts_in_linear_time() {
        long seed = Long.getLong("redaction.seed", System.nanoTime());
        Redactor redactor = new Redactor();
        redactor.scrub(random(new Random(seed), B64 + " =:@", 200_000)); // warm up the JIT
        long worst = 0;
        for (Shape s : SHAPES) {
            Random r = new Random(seed);
            String small = s.make().apply(r, 50_000);
            String big = s.make().apply(r, 1_000_000);
            long tSmall = time(redactor, small);
            long tBig = time(redactor, big);
            worst = Math.max(worst, tBig);
            System.out.printf("redaction %-22s 50 KB %5d ms   1 MB %5d ms%n", s.name(), tSmall, tBig);
            assertThat(tBig).as("%s (seed %d): 1 MB took %d ms, 50 KB %d ms", s.name(), seed, tBig, tSmall)
                    // 20 times the text: linear is ~20 times the time, quadratic ~400 times; the margin is for a
                    // machine busy with other work (best of three runs each)
                    .isLessThan(2_000).isLessThan(60 * tSmall + 500);
        }
        System.out.printf("redaction: longest line 1,000,000 characters, slowest shape %d ms%n", worst);
    }

    private static long time(Redactor redactor, String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            redactor.scrub(text);
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }
}
