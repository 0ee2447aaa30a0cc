package org.incidentconsole.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Runbooks written for the tests in the shapes real ones have (src/test/resources/runbooks-realworld). */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/runbooks-realworld/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Runbook parse(String name) {
        try {
            return new RunbookParser().parse(name, bytes(name));
        } catch (RunbookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The step (choices' alternatives included) whose title contains {@code title}. */
    static Step step(Runbook runbook, String title) {
        return runbook.allSteps().stream().filter(s -> s.title().contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no step titled '" + title + "' in " + runbook.source() + ": "
                        + runbook.allSteps().stream().map(Step::title).toList()));
    }
}
