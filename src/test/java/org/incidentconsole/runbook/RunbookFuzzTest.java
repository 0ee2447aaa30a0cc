package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated markdown never makes the parser throw anything but a RunbookException with a line. */
class RunbookFuzzTest {
    private static final List<String> FRAGMENTS = List.of(
            "# Title\n", "## Step 1: Go (30 seconds)\n", "### ⚡ Sub (2-5 minutes)\n", "Setext\n======\n",
            "Other\n------\n", "```bash\n", "```sh { name=x danger=\"y\" }\n", "```console\n$ ls\nout\n", "```\n",
            "~~~\n", "```sql\nDROP TABLE x;\n", "- [ ] task\n", "- [x] done\n", "  - [ ] nested\n", "> - [ ] quoted\n",
            "1. **Bold**\n   - [ ] under\n", "git checkout {{ref}}\n", "git reset --hard <commit-hash>\n",
            "echo [DETAILED REASON]\n", "git checkout abc  # Replace with the hash\n", "cat <<EOF\nbody\nEOF\n",
            "docker ps --format '{{.Names}}'\n", "---\nvariables:\n  ref: {suggest: git log}\n---\n",
            "---\nhosts: [web\n---\n", "<!-- hosts: web -->\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "\n", "text with émoji 🚨 and üö®\n", "\\\n", "    indented code\n", "<div>\n", "[[ -f x ]]\n",
            "redis-cli FLUSHALL\n", "rm -rf /\n", "$(date +%Y)\n", "${VAR:-x}\n", "\r\n", "\uFEFF", "`inline`\n");

    @Test
    void random_and_mutated_markdown_only_ever_fails_with_a_located_runbook_exception() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        RunbookParser parser = new RunbookParser();
        int loaded = 0;
        int refused = 0;
        int rounds = Integer.getInteger("fuzz.rounds", 3000);
        for (int round = 0; round < rounds; round++) {
            byte[] input = round % 10 == 0 ? randomBytes(random) : mutate(random, compose(random));
            try {
                Runbook runbook = parser.parse("fuzz-" + round + ".md", input);
                int lines = new String(input, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1).length;
                assertThat(runbook.steps()).as("steps' lines within the document, seed " + seed + " round " + round)
                        .allSatisfy(st -> assertThat(st.line()).isBetween(1, lines));
                assertThat(parser.parse("fuzz-" + round + ".md", input))
                        .as("the same bytes parse to the same runbook, seed " + seed + " round " + round)
                        .isEqualTo(runbook);
                loaded++;
            } catch (RunbookException e) {
                assertThat(e.line()).as("line of: " + e.getMessage() + ", seed " + seed + " round " + round)
                        .isPositive();
                refused++;
            } catch (Throwable t) {
                Path saved = Path.of("target", "fuzz-failure-" + seed + "-" + round + ".md");
                Files.createDirectories(saved.getParent());
                Files.write(saved, input);
                throw new AssertionError("seed " + seed + " round " + round + " threw " + t + "; input saved to "
                        + saved, t);
            }
        }
        String again = " (seed " + seed + ", rerun with -Dfuzz.seed=" + seed + ")";
        assertThat(loaded).as("a third of the generated documents load" + again).isGreaterThan(rounds / 3);
        assertThat(refused).as("some generated documents are refused, so the refusal path ran" + again).isPositive();
    }

    private static final List<String> SHELL = List.of("$(", ")", "(", "((", "))", "${", "}", "[[ ", " ]]", "[", "]",
            "'", "\"", "`", "\\", "\\\n", "<<EOF\n", "<<-'EOF'\n", "\nEOF\n", "<<<", " # replace with your ref\n",
            "  # Adjust as needed\n", "<DEPLOYMENT>", "<pod namespace>", "[REASON]", "[latest-backup]", "YOUR_KEY",
            "previous-tag", "{{v}}", "{{ x.y }}", "${{ a }}", "export NS=\"prod\" ", "kubectl -n prod ", "deployment/api ",
            "echo ", "printf ", "ansible -a ", "cat <<EOF\n<html>", "ssh h bash <<EOF\n", " | ", " && ", ";", "\n",
            " ", "=", "-", "x", "#", "${1:?usage: <x>}", "arr[0]=1 ", "case a in a) b;; esac ");

    /** A shell block of random shell syntax, nested up to thousands deep: only a located RunbookException. */
    @Test
    void random_and_deeply_nested_shell_only_ever_fails_with_a_located_runbook_exception() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        RunbookParser parser = new RunbookParser();
        int rounds = Integer.getInteger("fuzz.rounds", 1500);
        for (int round = 0; round < rounds; round++) {
            StringBuilder script = new StringBuilder();
            int parts = 1 + random.nextInt(60);
            for (int i = 0; i < parts; i++) {
                script.append(SHELL.get(random.nextInt(SHELL.size())));
            }
            if (round % 25 == 0) { // deep: $( $( $( …, quotes in quotes, [[ [[ …
                String unit = List.of("$(", "\"$(", "${x:-", "((", "[[ ", "(", "`").get(random.nextInt(7));
                script.append(unit.repeat(1 + random.nextInt(5000)));
            }
            String md = "---\nvariables:\n  v: {}\n---\n# R\n## S (1 minute)\n```bash\n" + script + "\n```\n";
            try {
                Runbook rb = parser.parse("shell-" + round + ".md", md);
                for (CodeBlock block : rb.steps().stream().flatMap(st -> st.shellBlocks().stream()).toList()) {
                    try {
                        CommandRenderer.render(block, p -> "a b", p -> ValueType.TEXT);
                    } catch (ValueRejectedException refused) {
                        assertThat(refused.getMessage()).isNotBlank();
                    }
                }
            } catch (RunbookException e) {
                assertThat(e.line()).as("line of: " + e.getMessage()).isPositive();
            } catch (Throwable t) {
                Path saved = Path.of("target", "fuzz-shell-failure-" + seed + "-" + round + ".md");
                Files.createDirectories(saved.getParent());
                Files.writeString(saved, md);
                throw new AssertionError("seed " + seed + " round " + round + " threw " + t + "; input saved to "
                        + saved + " (rerun with -Dfuzz.seed=" + seed + ")", t);
            }
        }
    }

    /** Markdown nested deeper than the cap anywhere in a random document is refused with its line. */
    @Test
    void random_documents_with_deep_nesting_are_refused_with_the_deepest_line() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        RunbookParser parser = new RunbookParser();
        for (int round = 0; round < 200; round++) {
            String before = compose(random);
            String unit = List.of("- ", "> ", "1. ", "* ", "> - ", "+ ").get(random.nextInt(6));
            String deep = unit.repeat(101 + random.nextInt(3000)) + "x\n";
            String md = before + "\n\n" + deep + compose(random);
            int line = (int) before.replace("\r\n", "\n").chars().filter(c -> c == '\n').count() + 3;
            try {
                parser.parse("deep-" + round + ".md", md);
                throw new AssertionError("seed " + seed + " round " + round + ": a document nested deeper than 100"
                        + " levels loaded");
            } catch (RunbookException e) {
                assertThat(e.getMessage()).as("seed " + seed + " round " + round).contains("nesting deeper than 100");
                assertThat(e.line()).as("seed " + seed + " round " + round).isEqualTo(line);
            } catch (Throwable t) {
                throw new AssertionError("seed " + seed + " round " + round + " threw " + t, t);
            }
        }
    }

    private static String compose(Random random) {
        StringBuilder md = new StringBuilder();
        int parts = 1 + random.nextInt(40);
        for (int i = 0; i < parts; i++) {
            md.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return md.toString();
    }

    private static byte[] mutate(Random random, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(128);
                case 1 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
                case 2 -> {
                    byte[] longer = new byte[bytes.length * 2 - at];
                    System.arraycopy(bytes, 0, longer, 0, bytes.length);
                    System.arraycopy(bytes, at, longer, bytes.length, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes[at] = (byte) "`#-[]{}<>|$\n ".charAt(random.nextInt(13));
            }
        }
        return bytes;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }
}
