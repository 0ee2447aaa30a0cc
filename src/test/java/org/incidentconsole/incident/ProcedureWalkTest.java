package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which steps a walk follows: one procedure, the chosen alternative only, sections gated by answers. */
class ProcedureWalkTest {
    static final String RUNBOOK = """
            # Service rollback

            ## 🚨 Triggers
            Roll back when the error rate stays above 5 %.

            ## ⚡ Rollback procedure (10 minutes)

            ### Step 1: What broke? (1 minute)
            What needs to be rolled back?
            - If the application code, go to [Code](#code)
            - If the database schema, go to [Schema](#schema)

            ### Code
            ```bash
            git checkout --detach v1.2.3
            ```

            ### Schema
            ```bash
            ./migrate down 1
            ```

            ### Step 2: Clear caches (1 minute)
            ```bash
            # Option A: everything
            redis-cli FLUSHDB
            # Option B: only sessions
            redis-cli --scan --pattern 'session:*' | xargs -r redis-cli DEL
            ```

            ## 🔍 Diagnostic commands
            ### Disk
            ```bash
            df -h
            ```
            """;

    private final Runbook runbook = parse();

    private static Runbook parse() {
        try {
            return new RunbookParser().parse("rollback.md", RUNBOOK);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Step step(String title) {
        return runbook.allSteps().stream().filter(s -> s.title().contains(title)).findFirst().orElseThrow();
    }

    private static List<String> titles(List<Step> steps) {
        return steps.stream().map(Step::title).toList();
    }

    @Test
    void the_main_procedure_is_walked_and_reference_sections_are_not() {
        ProcedureWalk walk = ProcedureWalk.main(runbook);

        assertThat(walk.procedureName()).isEqualTo("Rollback procedure (10 minutes)");
        assertThat(titles(walk.steps())).containsExactly("Step 1: What broke? (1 minute)", "Code", "Schema",
                "Step 2: Clear caches (1 minute)");
        assertThat(walk.inProcedure(step("Disk"))).isFalse();
        assertThat(walk.inProcedure(step("Triggers"))).isFalse();
    }

    @ParameterizedTest(name = "answer {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "application code | Step 1: What broke? (1 minute), Code, Step 2: Clear caches (1 minute)",
            "database schema  | Step 1: What broke? (1 minute), Schema, Step 2: Clear caches (1 minute)"})
    void an_answer_leading_to_a_section_passes_over_the_sections_of_the_other_answers(String answer, String walked) {
        ProcedureWalk walk = ProcedureWalk.main(runbook);
        Step question = step("Step 1");
        Decision decision = question.decision();
        Decision.Answer given = decision.answers().stream().filter(a -> a.text().contains(answer)).findFirst()
                .orElseThrow();

        walk.answer(question, decision, given);

        assertThat(titles(walk.steps())).containsExactlyElementsOf(Arrays.stream(walked.split(",\\s*")).toList());
        assertThat(walk.answer(question, decision)).contains(given);
    }

    @Test
    void a_choice_runs_nothing_until_an_alternative_is_chosen_then_only_that_one() {
        ProcedureWalk walk = ProcedureWalk.main(runbook);
        Step caches = step("Step 2");
        assertThat(walk.runs(caches)).isEmpty();

        walk.choose(caches, caches.choices().get(1));

        assertThat(walk.runs(caches)).singleElement().satisfies(s -> assertThat(s.shellBlocks().get(0).script())
                .contains("session:*").doesNotContain("FLUSHDB"));
        assertThat(walk.runs(step("Code"))).containsExactly(step("Code"));
    }

    @Test
    void an_alternative_of_another_choice_is_refused() {
        ProcedureWalk walk = ProcedureWalk.main(runbook);
        Step caches = step("Step 2");
        var foreign = new Alternative("Option Z", 1, List.of());

        assertThatThrownBy(() -> walk.choose(caches, foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option Z is not an alternative of Step 2: Clear caches (1 minute)");
    }

    @Test
    void another_procedure_can_be_walked_by_name() {
        ProcedureWalk walk = new ProcedureWalk(runbook, runbook.procedure("diagnostic").orElseThrow());

        assertThat(titles(walk.steps())).containsExactly("Disk");
        assertThat(walk.inProcedure(step("Step 1"))).isFalse();
    }
}
