package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One table per step kind: fixture, the step's title (a part of it), and what the step must hold. */
class StepKindTableTest {
    @ParameterizedTest(name = "{0}: {1} runs {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            laravel-emergency-rollback.md | Step 1: Identify Previous Commit | git log --oneline -10
            laravel-emergency-rollback.md | Step 6: Verify Rollback          | curl http://localhost/api/health
            k8s-rollback-es.md            | Paso 1: Ver el historial         | kubectl rollout history deployment/api
            db-failover-de.md             | Schritt 1: Zustand prüfen        | patronictl list
            windows-rollback.md           | Step 7: Transcript               | curl -s http://localhost/health
            decision-menu.md              | Phase 3: Database Rollback       | bin/rails db:rollback STEP=1
            """)
    void run_steps_hold_the_shell_they_run(String fixture, String title, String command) {
        Step step = Fixtures.step(Fixtures.parse(fixture), title);
        assertThat(step.kind()).isEqualTo(StepKind.RUN);
        assertThat(step.shellBlocks()).anySatisfy(b -> assertThat(b.script()).contains(command));
    }

    @ParameterizedTest(name = "{0}: {1} is manual ({2})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            laravel-emergency-rollback.md | WHEN TO ROLL BACK AT ONCE | prose
            laravel-emergency-rollback.md | ESCALATION CONTACTS       | prose
            db-failover-de.md             | Schritt 3: Nacharbeiten   | prose
            db-failover-de.md             | Schritt 4: Konsole öffnen | interactive
            db-failover-de.md             | Variante 2: Notfall       | interactive
            windows-rollback.md           | Step 4: Old notes         | shown
            windows-rollback.md           | Step 5: Clean up          | shown
            windows-rollback.md           | Step 6: Check by hand     | shown
            laravel-emergency-rollback.md | Traffic Shaping           | shown
            laravel-emergency-rollback.md | Option 2: Feature flag    | interactive
            """)
    void manual_steps_show_what_the_author_wrote_and_run_nothing_blind(String fixture, String title, String why) {
        Step step = Fixtures.step(Fixtures.parse(fixture), title);
        assertThat(step.kind()).isEqualTo(StepKind.MANUAL);
        switch (why) {
            case "prose" -> assertThat(step.description()).isNotBlank();
            case "interactive" -> assertThat(step.interactiveCommands()).isNotEmpty();
            case "shown" -> {
                assertThat(step.shellBlocks()).isEmpty();
                assertThat(step.shownBlocks()).isNotEmpty();
            }
            default -> throw new IllegalArgumentException(why);
        }
    }

    @ParameterizedTest(name = "{0}: {1} offers {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            laravel-emergency-rollback.md | Step 2: Execute Rollback  | Go back to the commit picked above;Or if you tagged the previous version:
            laravel-emergency-rollback.md | Step 4: Clear Redis State | OPTION A: Clear all Redis (safest);OPTION B: Clear only circuit breaker state (selective)
            laravel-emergency-rollback.md | Disable New Features      | Option 1: Environment variable (requires restart);Option 2: Feature flag in database
            laravel-emergency-rollback.md | ROLLBACK ALTERNATIVES     | Partial Rollback;Traffic Shaping
            k8s-rollback-es.md            | Paso 2: Volver atrás      | Opción A: Deshacer el último despliegue (30 segundos);Opción B: Ir a una revisión concreta
            db-failover-de.md             | Schritt 2: Umschalten     | Variante 1: Geplanter Wechsel;Variante 2: Notfall
            decision-menu.md              | Phase 2: Application      | Kubernetes Rollback;Docker Rollback
            windows-rollback.md           | Step 1: Stop the site     | Stop-WebSite -Name "api";Stop-Service W3SVC
            windows-rollback.md           | Step 2: Restore the datab | Option A: restore last night's backup;Option B: revert the migration only
            windows-rollback.md           | Step 3: Swap the folder   | Keep the broken build aside;rmdir /s /q C:\\sites\\api
            """)
    void choice_steps_list_their_alternatives_in_order(String fixture, String title, String labels) {
        Step step = Fixtures.step(Fixtures.parse(fixture), title);
        assertThat(step.kind()).isEqualTo(StepKind.CHOICE);
        assertThat(step.choices()).extracting(Alternative::label)
                .containsExactlyElementsOf(Arrays.asList(labels.replace("\\\\", "\\").split(";")));
        assertThat(step.choices()).allSatisfy(a -> assertThat(a.steps()).isNotEmpty());
    }

    @ParameterizedTest(name = "{0}: {1} asks {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            decision-menu.md    | Phase 1: Trigger | Which part must go back?             | 1. Application release - code and services;2. Database schema - migrations;3. Everything - full rollback
            cache-restore-ja.md | 判断              | Is the cache corrupted or only cold? | Corrupted: go to 全消去;Cold: go to ウォームアップ
            """)
    void decision_steps_ask_their_question_with_its_answers(String fixture, String title, String question,
                                                           String answers) {
        Step step = Fixtures.step(Fixtures.parse(fixture), title);
        assertThat(step.kind()).isEqualTo(StepKind.DECISION);
        assertThat(step.decision().question()).isEqualTo(question);
        assertThat(step.decision().answers()).extracting(Decision.Answer::text)
                .containsExactlyElementsOf(Arrays.asList(answers.split(";")));
    }

    @ParameterizedTest(name = "{0}: {1} has {2} items")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            laravel-emergency-rollback.md | Immediate Verification | 3
            laravel-emergency-rollback.md | Communication          | 2
            """)
    void checklist_steps_hold_their_items(String fixture, String title, int items) {
        Step step = Fixtures.step(Fixtures.parse(fixture), title);
        assertThat(step.kind()).isEqualTo(StepKind.CHECKLIST);
        assertThat(step.checklist()).hasSize(items);
    }

    @ParameterizedTest(name = "{0}: {1} is a watch on line {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            laravel-emergency-rollback.md | Step 7: Monitor Stability | 104
            k8s-rollback-es.md            | Paso 3: Vigilar           | 27
            cache-restore-ja.md           | 監視                       | 27
            """)
    void watches_are_run_steps_the_operator_ends(String fixture, String title, int line) {
        Step step = Fixtures.step(Fixtures.parse(fixture), title);
        assertThat(step.kind()).isEqualTo(StepKind.RUN);
        assertThat(step.watch()).isTrue();
        assertThat(step.watches()).extracting(CommandFlag::line).containsExactly(line);
    }
}
