package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lint is linear in the runbook: the inputs that took 9 s (a 120 KB line of "DEL x") and 24 s (20,000
 * front-matter variables) before; the bounds are generous, quadratic code would take minutes. The 1 MB lines go
 * through tree-sitter's bash parse, whose time on such a line depends on the machine: they compare 1 MB with 250 KB.
 */
class RunbookLinearTimeTest {
    private final RunbookParser parser = new RunbookParser();

    @Test
    void a_one_megabyte_line_of_redis_deletes_lints_in_linear_time() throws Exception {
        parser.parse("warm-up.md", "# R\n## S (1 minute)\n```bash\nredis-cli DEL x KEYS\n```\n");
        long quarter = delLint(1_000_000 / 4).ms();
        Lint full = delLint(1_000_000);

        System.out.printf("lint: two 1 MB lines of DEL x / KEYS x in %d ms (two 250 KB lines: %d ms)%n", full.ms(),
                quarter);
        assertThat(full.runbook().steps().get(0).dangers()).extracting(Danger::reason).contains("deletes Redis keys");
        assertThat(full.runbook().problems()).anyMatch(p -> p.message().startsWith("KEYS blocks a production Redis"));
        assertThat(full.ms()).as("linear: 4 times the text, not 16 times the time (a quadratic scan takes minutes)")
                .isLessThan(8 * quarter + 2_000);
    }

    private record Lint(Runbook runbook, long ms) {
    }

    /** Lints two lines of about {@code length} characters, one of "DEL x", one of "KEYS x". */
    private Lint delLint(int length) throws Exception {
        String line = "DEL x ".repeat(length / 6);
        String runbook = "# R\n## S (1 minute)\n```bash\nredis-cli " + line + "\nredis-cli " + line.replace("DEL", "KEYS")
                + "\n```\n";
        long start = System.nanoTime();
        Runbook rb = parser.parse("del.md", runbook);
        return new Lint(rb, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void a_one_megabyte_line_of_placeholders_lints_and_renders_in_linear_time() throws Exception {
        long quarter = placeholderLint(1_000_000 / 4);
        long full = placeholderLint(1_000_000);
        assertThat(full).as("linear: 4 times the text, not 16 times the time (a scan back along the line per"
                + " placeholder takes minutes)").isLessThan(8 * quarter + 2_000);
    }

    /** Lints and renders a line of about {@code length} characters of placeholders; the milliseconds both took. */
    private long placeholderLint(int length) throws Exception {
        String line = "eval echo " + "\\{{v}} \"{{v}}\" '{{v}}' ".repeat(length / 24);
        String runbook = "---\nvariables:\n  v: {}\n---\n# R\n## S (1 minute)\n```bash\n" + line + "\n```\n";

        long start = System.nanoTime();
        Runbook rb = parser.parse("many.md", runbook);
        long lintMs = (System.nanoTime() - start) / 1_000_000;
        CodeBlock block = rb.steps().get(0).shellBlocks().get(0);
        start = System.nanoTime();
        String rendered = CommandRenderer.fill(block.script(), block.placeholders().stream()
                .filter(p -> p.offset() > 0 && block.script().charAt(p.offset() - 1) != '\\').toList(),
                p -> "a b", p -> ValueType.TEXT);
        long renderMs = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("lint: a %d-character line of %d placeholders in %d ms; filled in %d ms%n", line.length(),
                block.placeholders().size(), lintMs, renderMs);
        // lint says each problem once per line, however often the line repeats it
        assertThat(rb.problems()).filteredOn(p -> p.severity() == Problem.Severity.ERROR).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("follows a backslash"));
        assertThat(rendered).contains("\"a b\" 'a b'");
        return lintMs + renderMs;
    }

    @Test
    void twenty_thousand_front_matter_variables_load_in_linear_time() throws Exception {
        parser.parse("warm-up.md", "---\nvariables:\n  a: {default: x}\n---\n# R\n## S (1 minute)\n```bash\necho {{a}}\n```\n");
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
