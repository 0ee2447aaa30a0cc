package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parse time of realistic runbooks of 1, 2 and 4 MB (steps with budgets, shell blocks with placeholders and
 * dangers, checklists, tables): the time per MB must stay flat. Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("bench")
class RunbookParseBenchmark {
    private static final String STEP = """
            ### Step %d: Restart the workers (2-5 minutes)
            Restart them **after** the caches are clear.

            | host | role |
            |---|---|
            | web-%d | api |

            ```bash
            cd {{app_dir}}
            # restart and check
            sudo systemctl restart php8.3-fpm  # danger: drops requests
            git checkout def5678  # Replace with actual commit hash
            redis-cli --scan --pattern 'circuit_breaker:*:state' | while read -r key; do redis-cli GET "$key"; done
            cat > /tmp/log-%d.md << EOF
            Reason: [DETAILED REASON]
            EOF
            ```

            - [ ] Health endpoint answers 200
              - [ ] nested check %d
            > - [x] quoted item

            """;

    @Test
    void parse_time_grows_linearly_with_size() throws Exception {
        RunbookParser parser = new RunbookParser();
        StringBuilder report = new StringBuilder("| runbook size | steps | median ms | ms per MB |\n|---|---|---|---|\n");
        for (int mb : new int[] {1, 2, 4}) {
            byte[] bytes = runbook(mb * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5; i++) {
                parser.parse("warmup.md", bytes);
            }
            long[] ms = new long[7];
            Runbook last = null;
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                last = parser.parse("bench.md", bytes);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            assertThat(last.steps()).isNotEmpty();
            report.append(String.format("| %d MB | %d | %d | %.1f |%n", mb, last.steps().size(), ms[ms.length / 2],
                    ms[ms.length / 2] / (double) mb));
        }
        Path out = Path.of("target", "bench", "runbook-parse.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static String runbook(int bytes) {
        StringBuilder md = new StringBuilder("---\nvariables:\n  app_dir: {default: /srv/app}\n---\n# Big runbook\n");
        int n = 0;
        while (md.length() < bytes) {
            n++;
            md.append("## Phase ").append(n).append('\n').append(String.format(STEP, n, n, n, n));
        }
        return md.toString();
    }
}
