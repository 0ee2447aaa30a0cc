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
                parser.parse("fuzz-" + round + ".md", input);
                loaded++;
            } catch (RunbookException e) {
                assertThat(e.line()).as("line of: " + e.getMessage()).isPositive();
                refused++;
            } catch (Throwable t) {
                Path saved = Path.of("target", "fuzz-failure-" + seed + "-" + round + ".md");
                Files.createDirectories(saved.getParent());
                Files.write(saved, input);
                throw new AssertionError("seed " + seed + " round " + round + " threw " + t + "; input saved to "
                        + saved, t);
            }
        }
        assertThat(loaded).as("most generated documents load").isGreaterThan(rounds / 3);
        assertThat(loaded + refused).isEqualTo(rounds);
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
