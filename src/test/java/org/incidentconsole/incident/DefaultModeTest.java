package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.incidentconsole.runbook.Danger;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.shell.DangerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The run mode a step gets by default follows the kind of its dangers, never the words of a reason. */
class DefaultModeTest {
    private static Step step(String block) throws Exception {
        Runbook rb = new RunbookParser().parse("mode.md", "# Mode\n## The step\n```bash\n" + block + "\n```\n");
        return rb.steps().get(0);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sudo systemctl restart php8.3-fpm                               | ROLLING
            sudo systemctl restart php8.3-fpm  # danger: drops requests     | ROLLING
            kubectl -n prod rollout restart deploy/api                      | ROLLING
            pg_ctl promote -D /var/lib/postgresql/data                      | ROLLING
            ./deploy.sh rollback  # danger: restarts every worker           | PARALLEL
            ./scripts/cache.sh  # danger: restart required afterwards       | PARALLEL
            redis-cli FLUSHDB  # danger: restart the app after this         | PARALLEL
            git reset --hard HEAD~1  # danger: stops and restarts the service | PARALLEL
            rm -rf /var/www/releases/old                                    | PARALLEL
            echo restart                                                    | PARALLEL
            """)
    void the_default_mode_follows_the_danger_kind_and_an_authors_reason_never_changes_it(String block,
                                                                                      StepRunner.Mode mode)
            throws Exception {
        Step step = step(block);
        assertThat(StepRunner.defaultMode(step)).as(step.dangers().toString()).isEqualTo(mode);
    }

    /** The rule, one row a kind: a new kind without a row fails the last test. */
    private static final Map<DangerKind, StepRunner.Mode> MODES = new EnumMap<>(Map.ofEntries(
            Map.entry(DangerKind.DATA_LOSS, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.MASS_DELETE, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.SERVICE_DISRUPTION, StepRunner.Mode.ROLLING),
            Map.entry(DangerKind.FAILOVER, StepRunner.Mode.ROLLING),
            Map.entry(DangerKind.HISTORY_REWRITE, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.SCHEMA_ROLLBACK, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.DEPLOY_ROLLBACK, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.INFRA_DESTROY, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.PERMISSION_CHANGE, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.CONFIG_CHANGE, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.AUTHOR_MARKED, StepRunner.Mode.PARALLEL),
            Map.entry(DangerKind.UNANALYSED, StepRunner.Mode.PARALLEL)));

    static Stream<Arguments> kinds() {
        return MODES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("kinds")
    void each_danger_kind_has_its_run_mode_whatever_its_reason_says(DangerKind kind, StepRunner.Mode mode) {
        for (String reason : List.of("restarts the service", "deletes the cache")) {
            Danger d = new Danger(3, "./x.sh", reason, true, kind);
            assertThat(StepRunner.modeFor(List.of(d))).as(reason).isEqualTo(mode);
        }
        Danger harmless = new Danger(4, "./y.sh", "restarts nothing", true, DangerKind.AUTHOR_MARKED);
        assertThat(StepRunner.modeFor(List.of(harmless, new Danger(3, "./x.sh", "", false, kind))))
                .as("one danger of the kind decides the step").isEqualTo(mode);
    }

    @Test
    void every_danger_kind_has_a_row_in_the_rule() {
        assertThat(MODES.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(DangerKind.class));
        assertThat(StepRunner.modeFor(List.of())).isEqualTo(StepRunner.Mode.PARALLEL);
    }
}
