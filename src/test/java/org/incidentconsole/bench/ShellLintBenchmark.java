package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.shell.Analysis;
import org.incidentconsole.shell.DangerTable;
import org.incidentconsole.shell.ShellParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lint (parse + shell analysis + danger table) of a 2,000-line runbook with 50 shell blocks, steady state and as
 * the first call of a fresh JVM (the grammar's native library loads then), and shell analysis time per MB.
 * Run with {@code ./mvnw -Pbench verify}; figures go to target/bench/shell-lint.md.
 */
@Tag("bench")
class ShellLintBenchmark {
    private static final String BLOCK = """
            ## Step %d: Roll back the web tier (2-5 minutes)
            Check the health first, then roll back.

            ```bash
            kubectl -n prod \\
              rollout undo deployment/api  # danger: restarts the pods
            sudo systemctl restart php8.3-fpm  # danger: drops requests
            redis-cli --scan --pattern 'circuit_breaker:*' | xargs -r redis-cli GET
            psql -U app -c "SELECT count(*) FROM jobs WHERE state = 'stuck'"
            ssh web-%d 'sudo -u www-data php artisan queue:restart'  # danger: workers restart
            for h in web1 web2; do curl -fsS "http://$h/health" || echo "$h down"; done
            cat <<EOF > /tmp/note-%d.md
            rolled back at $(date -u), see the ticket
            EOF
            git -C /srv/app log --oneline -5
            ```

            - [ ] health endpoint answers 200
            - [ ] error rate below 1%%
            %s
            """;

    static String runbook() {
        StringBuilder md = new StringBuilder("# Web tier rollback\n\nRead it all first.\n\n");
        for (int i = 1; i <= 50; i++) {
            md.append(BLOCK.formatted(i, i, i, "Notes on this step.\n".repeat(19)));
        }
        return md.toString();
    }

    /** The fresh JVM's side: times its first lint, prints the milliseconds. */
    public static void main(String[] args) throws Exception {
        String text = runbook();
        long t0 = System.nanoTime();
        Runbook rb = new RunbookParser().parse("bench.md", text);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(ms + " " + rb.steps().size());
    }

    @Test
    void lint_of_a_2000_line_runbook_with_50_shell_blocks() throws Exception {
        String text = runbook();
        long lines = text.lines().count();
        long blocks = text.lines().filter(l -> l.startsWith("```bash")).count();
        assertThat(blocks).isEqualTo(50);
        assertThat(lines).isBetween(1900L, 2200L);

        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ShellLintBenchmark.class.getName())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor()).as(out).isZero();
            String last = out.lines().reduce((a, b) -> b).orElse("");
            fresh.add(Long.parseLong(last.split(" ")[0]));
        }
        RunbookParser parser = new RunbookParser();
        for (int i = 0; i < 20; i++) {
            parser.parse("warmup.md", text);
        }
        long[] ms = new long[15];
        Runbook last = null;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            last = parser.parse("bench.md", text);
            ms[i] = (System.nanoTime() - t0) / 100_000;
        }
        Arrays.sort(ms);
        assertThat(last.steps()).hasSize(50);
        assertThat(last.steps().get(0).dangers()).hasSize(3);

        StringBuilder report = new StringBuilder("| lint of %d lines, %d shell blocks | ms |\n|---|---|\n"
                .formatted(lines, blocks));
        report.append("| first call in a fresh JVM (3 JVMs) | %s |\n".formatted(fresh));
        report.append("| steady state, median of 15 | %.1f |\n".formatted(ms[ms.length / 2] / 10.0));
        report.append(perMegabyte());
        Path file = Path.of("target", "bench", "shell-lint.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.println(report);
    }

    /** Shell analysis (parse, commands, danger table) of ¼, ½ and 1 MB scripts: the time per MB stays flat. */
    private static String perMegabyte() {
        StringBuilder report = new StringBuilder("\n| shell script | commands | median ms | ms per MB |\n|---|---|---|---|\n");
        double first = 0;
        double worst = 0;
        String unit = BLOCK.substring(BLOCK.indexOf("kubectl"), BLOCK.indexOf("```\n\n"));
        for (int kb : new int[] {256, 512, 1024}) {
            StringBuilder script = new StringBuilder();
            int i = 0;
            while (script.length() < kb * 1024) {
                script.append(unit.replace("%d", Integer.toString(i++)));
            }
            String text = script.toString();
            ShellParser.analyse(text);
            long[] ms = new long[5];
            int commands = 0;
            for (int k = 0; k < ms.length; k++) {
                long t0 = System.nanoTime();
                Analysis a = ShellParser.analyse(text);
                DangerTable.findings(a);
                ms[k] = (System.nanoTime() - t0) / 1_000_000;
                commands = a.commands().size();
            }
            Arrays.sort(ms);
            double perMb = ms[2] * 1024.0 / kb;
            first = first == 0 ? perMb : first;
            worst = Math.max(worst, perMb);
            report.append("| %d KB | %d | %d | %.1f |%n".formatted(kb, commands, ms[2], perMb));
        }
        assertThat(worst).as("ms per MB, 1 MB against 256 KB: linear, not quadratic").isLessThan(first * 3);
        return report.toString();
    }
}
