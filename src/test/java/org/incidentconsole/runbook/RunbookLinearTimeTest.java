package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lint is linear in the runbook: the inputs that took 9 s (a 120 KB line of "DEL x") and 24 s (20,000
 * front-matter variables) before; the bounds are generous, quadratic code would take minutes.
 */
class RunbookLinearTimeTest {
    private final RunbookParser parser = new RunbookParser();

    @Test
    void a_one_megabyte_line_of_redis_deletes_lints_in_linear_time() throws Exception {
        parser.parse("warm-up.md", "# R\n## S (1 minute)\n```bash\nredis-cli DEL x KEYS\n```\n");
        String line = "DEL x ".repeat(1_000_000 / 6);
        String runbook = "# R\n## S (1 minute)\n```bash\nredis-cli " + line + "\nredis-cli " + line.replace("DEL", "KEYS")
                + "\n```\n";

        long start = System.nanoTime();
        Runbook rb = parser.parse("del.md", runbook);
        long ms = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("lint: two %d-character lines of DEL x / KEYS x in %d ms%n", line.length(), ms);
        assertThat(rb.steps().get(0).dangers()).extracting(Danger::reason).contains("deletes Redis keys");
        assertThat(rb.problems()).anyMatch(p -> p.message().startsWith("KEYS blocks a production Redis"));
        assertThat(ms).as("linear: a quadratic scan of this line takes minutes").isLessThan(2_000);
    }

    @Test
    void twenty_thousand_front_matter_variables_load_in_linear_time() throws Exception {
        parser.parse("warm-up.md", "---\nvariables:\n  a: {default: x}\n---\n# R\n");
        StringBuilder text = new StringBuilder("---\nvariables:\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("  v").append(i).append(":\n    description: value ").append(i).append("\n    default: x\n");
        }
        text.append("---\n# R\n## S (1 minute)\n```bash\necho {{v19999}}\n```\n");

        long start = System.nanoTime();
        Runbook rb = parser.parse("vars.md", text.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("lint: 20000 front-matter variables in %d ms%n", ms);
        assertThat(rb.variables()).hasSize(20_000);
        assertThat(rb.variables().get(19_999).line()).isEqualTo(3 + 19_999 * 3);
        assertThat(rb.problems()).filteredOn(p -> p.message().contains("declared but never used")).hasSize(19_999);
        assertThat(ms).as("linear: a scan of the front matter per variable takes half a minute").isLessThan(2_000);
    }
}
