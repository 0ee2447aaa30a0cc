package org.incidentconsole.ui.runbook.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputHistoryTest {
    @Test
    void runs_are_numbered_per_step_and_only_the_newest_are_kept() {
        OutputHistory history = new OutputHistory(3, 100);
        for (int i = 0; i < 5; i++) {
            history.start("Rollback › Switch", List.of("web-01"), Instant.EPOCH);
        }
        history.start("Rollback › Look", List.of("web-01"), Instant.EPOCH);

        assertThat(history.runs("Rollback › Switch")).extracting(RunOutput::number).containsExactly(3, 4, 5);
        assertThat(history.runs("Rollback › Look")).extracting(RunOutput::number).containsExactly(1);
        assertThat(history.newest("Rollback › Switch").number()).isEqualTo(5);
        assertThat(history.newest("never ran")).isNull();
    }

    @Test
    void a_run_keeps_every_hosts_lines_together_and_each_hosts_own() {
        RunOutput run = new OutputHistory(3, 100).start("s", List.of("web-01", "web-02"), null);

        run.add("web-01", false, "ok", null);
        run.add("web-02", true, "disk full", null);
        run.addHostNote("web-02", "— FAILED: exit 1", null);
        run.addNote("— not run: cancelled", null);

        assertThat(run.lines()).containsExactly("web-01 | ok", "web-02 ! disk full", "web-02 — FAILED: exit 1",
                "— not run: cancelled");
        assertThat(run.host("web-01").orElseThrow().lines()).containsExactly("ok", "— not run: cancelled");
        assertThat(run.host("web-02").orElseThrow().lines()).containsExactly("! disk full", "— FAILED: exit 1",
                "— not run: cancelled");
        assertThat(run.label()).isEqualTo("Run 1 · journaled");
    }

    @Test
    void the_output_view_model_shows_a_new_run_only_when_its_step_is_the_one_shown() {
        OutputViewModel model = new OutputViewModel(new OutputHistory(3, 100));
        model.showStep("a");

        RunOutput a = model.start("a", List.of("web-01"), Instant.EPOCH);
        assertThat(model.shownProperty().get()).isSameAs(a);
        model.start("b", List.of("web-01"), Instant.EPOCH);
        assertThat(model.shownProperty().get()).as("b runs while a is looked at").isSameAs(a);

        model.showStep("b");
        assertThat(model.runsProperty().get()).extracting(RunOutput::number).containsExactly(1);
        model.showRun(a);
        assertThat(model.shownProperty().get()).as("a run of another step is not shown here").isNotSameAs(a);
    }
}
