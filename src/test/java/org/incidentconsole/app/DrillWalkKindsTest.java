package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code drill --run} on a runbook written the way on-call people write them: one procedure walked, the chosen
 * alternatives only, a question answered, manual steps journaled as skipped-unattended, a watch ended after the
 * given seconds; it heals the drill, and the alternative not chosen never runs.
 */
class DrillWalkKindsTest {
    static final Path RUNBOOK = Path.of("src/test/resources/runbooks/walking-kinds.md");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run drill(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.cli(new AppHome(dir.resolve("home")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private List<IncidentEvent> journal() throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("home"))) {
            Path file = s.filter(p -> p.getFileName().toString().equals("journal.jsonl")).findFirst().orElseThrow();
            return JournalReader.read(file).records().stream().map(JournalRecord::data).toList();
        }
    }

    private <T extends IncidentEvent> List<T> journaled(Class<T> type) throws Exception {
        return journal().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void the_chosen_alternatives_heal_the_drill_and_the_one_not_chosen_is_journaled_skipped_never_run()
            throws Exception {
        Path report = dir.resolve("report.md");
        Run run = drill("drill", "--run", RUNBOOK.toString(), "--operator", "jana", "--report", report.toString(),
                "--choose", "Step 2=tagged", "--choose", "step 4=option b", "--answer", "noticed=staff",
                "--watch-seconds", "2");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Drill ended healthy", "Procedure: Emergency rollback (5 minutes)")
                .doesNotContain("Disk space");
        assertThat(journaled(IncidentEvent.ProcedureChosen.class)).singleElement()
                .satisfies(p -> assertThat(p.procedure()).isEqualTo("Emergency rollback (5 minutes)"))
                .satisfies(p -> assertThat(p.by()).isEqualTo("jana"));
        assertThat(journaled(IncidentEvent.AlternativeChosen.class))
                .extracting(a -> a.chosen() + " | skipped " + a.skipped() + " | by " + a.by())
                .containsExactly("Or if the good release was tagged: | skipped [OPTION A: the commit before the deploy]"
                                + " | by jana",
                        "OPTION B: only the breakers and the rate limits | skipped [OPTION A: wipe the whole database]"
                                + " | by jana");
        assertThat(journaled(IncidentEvent.StepStarted.class)).extracting(IncidentEvent.StepStarted::command)
                .noneMatch(c -> c.contains("FLUSHDB")).noneMatch(c -> c.contains("HEAD~1"))
                .anyMatch(c -> c.contains("git checkout --detach release-2026.11.2"))
                .anyMatch(c -> c.contains("circuit_breaker:*:failures"))
                .noneMatch(c -> c.contains("df -h"));
        assertThat(journaled(IncidentEvent.DangerConfirmed.class)).extracting(IncidentEvent.DangerConfirmed::command)
                .noneMatch(c -> c.contains("FLUSHDB"));
        assertThat(journaled(IncidentEvent.DecisionAnswered.class)).singleElement().satisfies(d -> {
            assertThat(d.question()).isEqualTo("Who noticed the outage?");
            assertThat(d.answer()).contains("only staff noticed");
            assertThat(d.target()).endsWith("Tell the team");
        });
        assertThat(journaled(IncidentEvent.ManualStepMarked.class))
                .extracting(m -> m.step().replaceAll(".* › ", "") + " " + m.mark())
                .contains("Tell the team skipped-unattended")
                .as("the section the answer passed over is not walked").doesNotContain(
                        "Post on the status page skipped-unattended");
        assertThat(journaled(IncidentEvent.WatchEnded.class)).singleElement().satisfies(w -> {
            assertThat(w.stable()).isTrue();
            assertThat(w.how()).isEqualTo("unattended after 2 s");
            assertThat(w.afterMs()).isGreaterThanOrEqualTo(1000);
        });
        assertThat(journaled(IncidentEvent.StepFinished.class)).filteredOn(f -> f.step().contains("Watch the log"))
                .singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(StepOutcome.OK));
        assertThat(Files.readString(report)).contains("Alternative chosen by jana: Or if the good release was tagged:",
                "skipped: OPTION A: wipe the whole database", "Manual step skipped-unattended by jana",
                "Watch ended stable");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--procedure     | nosuch          | --procedure nosuch matches no section of ",
            "--choose        | Step 2          | --choose needs the form \"STEP=ALTERNATIVE\", got: Step 2",
            "--choose        | Step 2=option z | --choose Step 2=option z matches no alternative of Step 2: Go back",
            "--choose        | Step 99=any     | --choose Step 99=any matches no choice of ",
            "--answer        | noticed=robots  | --answer noticed=robots matches no answer of \"Who noticed the outage?\"",
            "--answer        | =staff          | --answer needs the form \"QUESTION=ANSWER\", got: =staff",
            "--watch-seconds | 0               | --watch-seconds needs a whole number of seconds, 1 or more"})
    void a_bad_walk_option_is_one_sentence_and_no_drill_starts(String option, String value, String message) {
        Run run = drill("drill", "--run", RUNBOOK.toString(), option, value);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).doesNotContain("Drill incident");
    }

    @Test
    void walk_options_need_run() {
        Run run = drill("drill", "--procedure", "rollback");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("need --run");
    }
}
