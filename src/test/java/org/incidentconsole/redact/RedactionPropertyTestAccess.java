package org.incidentconsole.redact;

import java.util.List;
import java.util.Random;

/** Lets other test packages generate the property test's secrets and embed them in random text. */
public final class RedactionPropertyTestAccess {
    private static final long SEED = Long.getLong("redaction.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

    private RedactionPropertyTestAccess() {
    }

    /** For a failure message: "redaction seed 123 (rerun with -Dredaction.seed=123)". */
    public static String seed() {
        return RedactionPropertyTest.seedNote(SEED);
    }

    public static List<RedactionPropertyTest.Secret> secrets(int n) {
        return RedactionPropertyTest.generate(RANDOM, n);
    }

    /** Random text holding each secret in its usual context (a header, a URL, a command line…). */
    public static String embed(List<RedactionPropertyTest.Secret> secrets) {
        return RedactionPropertyTest.embed(RANDOM, secrets);
    }
}
