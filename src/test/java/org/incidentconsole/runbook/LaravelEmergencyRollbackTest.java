package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A runbook in the shape of the Laravel emergency rollback operators write: one procedure, reference sections. */
class LaravelEmergencyRollbackTest {
    private final Runbook rb = Fixtures.parse("laravel-emergency-rollback.md");

    @Test
    void the_emergency_procedure_holds_seven_steps_and_is_the_main_one() {
        Procedure emergency = rb.procedure("Emergency rollback").orElseThrow();
        assertThat(emergency.name()).isEqualTo("EMERGENCY ROLLBACK (5 Minutes)");
        assertThat(emergency.steps()).extracting(Step::title).allMatch(t -> t.startsWith("Step "))
                .hasSize(7);
        assertThat(emergency.budget().maxSeconds()).isEqualTo(300);
        assertThat(rb.mainProcedure()).contains(emergency);
        assertThat(emergency.steps()).allSatisfy(s -> assertThat(s.groupBudget().maxSeconds()).isEqualTo(300));
    }

    @Test
    void reference_sections_are_procedures_of_their_own_so_next_never_walks_into_them() {
        assertThat(rb.procedures()).extracting(Procedure::name).contains("DIAGNOSTIC COMMANDS",
                "SAFE MODE OPERATION", "ROLLBACK ALTERNATIVES", "ESCALATION CONTACTS");
        Procedure emergency = rb.procedure("Emergency rollback").orElseThrow();
        assertThat(emergency.steps()).noneMatch(s -> s.pathText().contains("SAFE MODE"));
        assertThat(rb.procedure("safe mode").orElseThrow().steps()).extracting(Step::procedure)
                .containsOnly("SAFE MODE OPERATION");
    }

    @Test
    void step_2_offers_the_commit_or_the_tag_and_each_alternative_runs_only_its_own_line() {
        Step step2 = Fixtures.step(rb, "Step 2");
        assertThat(step2.kind()).isEqualTo(StepKind.CHOICE);
        assertThat(step2.choices()).extracting(Alternative::label).containsExactly(
                "Go back to the commit picked above", "Or if you tagged the previous version:");
        String commit = step2.choices().get(0).shellBlocks().get(0).script();
        String tagged = step2.choices().get(1).shellBlocks().get(0).script();
        assertThat(commit).contains("git checkout 9f8e7d6").doesNotContain("production-stable-2025-09-30");
        assertThat(tagged).contains("git checkout production-stable-2025-09-30").doesNotContain("9f8e7d6");
        assertThat(tagged.lines().count()).isEqualTo(step2.shellBlocks().get(0).script().lines().count());
    }

    @Test
    void step_2_placeholder_is_suggested_from_step_1_git_log() {
        Step step2 = Fixtures.step(rb, "Step 2");
        assertThat(step2.choices().get(0).steps().get(0).suggestions()).singleElement().satisfies(s -> {
            assertThat(s.token()).isEqualTo("9f8e7d6");
            assertThat(s.shape()).isEqualTo(SuggestionSource.Shape.COMMIT);
            assertThat(s.command()).isEqualTo("git log --oneline -10");
            assertThat(s.stepPath()).endsWith("Step 1: Identify Previous Commit (30 seconds)");
        });
    }

    @Test
    void step_4_option_a_flushes_and_option_b_deletes_only_breaker_keys() {
        Step step4 = Fixtures.step(rb, "Step 4");
        assertThat(step4.kind()).isEqualTo(StepKind.CHOICE);
        Alternative a = step4.choices().get(0);
        Alternative b = step4.choices().get(1);
        assertThat(a.label()).startsWith("OPTION A");
        assertThat(b.label()).startsWith("OPTION B");
        assertThat(a.shellBlocks().get(0).script()).contains("FLUSHDB").doesNotContain("DEL");
        assertThat(b.shellBlocks().get(0).script()).contains("circuit_breaker").doesNotContain("FLUSHDB");
        assertThat(b.steps().get(0).dangers()).extracting(Danger::line).containsExactly(69, 70);
    }

    @Test
    void step_7_is_a_watch_the_operator_ends() {
        Step step7 = Fixtures.step(rb, "Step 7");
        assertThat(step7.kind()).isEqualTo(StepKind.RUN);
        assertThat(step7.watch()).isTrue();
        assertThat(step7.watches()).singleElement().satisfies(w ->
                assertThat(w.command()).startsWith("tail -f storage/logs/laravel.log"));
    }

    @Test
    void safe_mode_tinker_alternative_is_manual_and_never_runs_blind() {
        Step features = Fixtures.step(rb, "Disable New Features");
        assertThat(features.choices()).extracting(a -> a.steps().get(0).kind())
                .containsExactly(StepKind.RUN, StepKind.MANUAL);
    }
}
