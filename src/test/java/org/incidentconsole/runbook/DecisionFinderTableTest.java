package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Questions as runbooks ask them; answers joined by "|", a target after "=>" when the runbook ties it. */
class DecisionFinderTableTest {
    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("STOP → \"Roll back now? (y/n)\"", "Roll back now? (y/n)", "yes|no"),
                Arguments.of("- STOP -> \"Severity? (critical/high/low):\"", "Severity? (critical/high/low):",
                        "critical|high|low"),
                Arguments.of("1. **STOP** → \"What broke?\"\n   ```\n   1. Code - the app\n   2. Data - the db\n\n"
                        + "   Choose scope (1-2):\n   ```", "What broke?", "1. Code - the app|2. Data - the db"),
                Arguments.of("**Decision Point:** Is the primary reachable?\n- Yes: go to [Switch over](#switch-over)"
                        + "\n- No: go to [Fail over](#fail-over)", "Is the primary reachable?",
                        "Yes: go to Switch over=>R › Switch over|No: go to Fail over=>R › Fail over"),
                Arguments.of("Which applies?\n\n- If the migration failed, go to [Fail over](#fail-over).\n"
                        + "- If only the cache is stale, see [Switch over](#switch-over).", "Which applies?",
                        "If the migration failed, go to Fail over=>R › Fail over"
                                + "|If only the cache is stale, see Switch over=>R › Switch over"),
                Arguments.of("Proceed with the failover? (yes/no)", "Proceed with the failover? (yes/no)", "yes|no"),
                Arguments.of("Restart the services (api/worker) when done.", "", ""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("questions")
    void questions_and_answers_are_found_with_their_targets(String prose, String question, String answers)
            throws Exception {
        String md = "# R\n## Decide\n" + prose + "\n## Switch over\n```sh\npatronictl switchover --force\n```\n"
                + "## Fail over\n```sh\npatronictl failover --force\n```\n";
        Step step = Fixtures.step(new RunbookParser().parse("d.md", md), "Decide");
        if (question.isEmpty()) {
            assertThat(step.decisions()).isEmpty();
            assertThat(step.kind()).isEqualTo(StepKind.MANUAL);
            return;
        }
        assertThat(step.kind()).isEqualTo(StepKind.DECISION);
        assertThat(step.decision().question()).isEqualTo(question);
        assertThat(step.decision().answers()).extracting(a -> a.text() + (a.target() == null ? "" : "=>" + a.target()))
                .containsExactlyElementsOf(Arrays.asList(answers.split("\\|")));
    }
}
