package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.HostileValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random scripts built from quotes, substitutions, parameter expansions, arithmetic, case and here-documents,
 * with placeholders anywhere: whatever the renderer accepts, a real bash and sh never run a value (the scripts
 * themselves never touch the marker), and the scanner never fails on any text.
 */
class CommandRendererFuzzTest {
    @TempDir
    Path dir;

    @Test
    void no_rendered_value_ever_runs_in_random_scripts() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path marker = dir.resolve("pwned");
        List<String> values = new ArrayList<>(HostileValues.fixed(marker));
        values.addAll(HostileValues.random(seed, 60, marker));
        values.removeIf(v -> !v.contains(marker.toString()));
        int rendered = 0;
        int refused = 0;
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("fuzz.scripts", 400); i++) {
            String template = command(random, 0);
            String value = values.get(random.nextInt(values.size()));
            String script;
            try {
                script = CommandRenderer.renderCommand(template, Map.of("v", value), Map.of("v", ValueType.TEXT));
            } catch (ValueRejectedException e) {
                refused++;
                continue;
            }
            rendered++;
            for (String shell : List.of("bash", "sh")) {
                run(shell, script);
                if (Files.exists(marker)) {
                    ran.add(shell + ": " + template.replace("\n", "⏎") + "  with  " + value);
                    Files.delete(marker);
                }
            }
        }
        System.out.printf("fuzz: %d random scripts, %d rendered and run by bash and sh, %d refused, %d ran a value"
                + " (seed %d)%n", Integer.getInteger("fuzz.scripts", 400), rendered, refused, ran.size(), seed);
        assertThat(ran).as("seed " + seed).isEmpty();
        assertThat(rendered).isGreaterThan(30);
    }

    @Test
    void the_scanner_reads_any_text_without_failing() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "ab $(){}[]'\"`\\#<>-;|&\n\tEOF=*?~!0123456789";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ShellContexts contexts = ShellContexts.scan(text.toString());
            for (int k = 0; k < text.length(); k++) {
                assertThat(contexts.at(k)).as("seed " + seed + " text " + text).isNotNull();
            }
        }
    }

    private static String command(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 2 : 17)) {
            case 0 -> "printf '%s\\n' " + argument(r, depth);
            case 1 -> "echo " + argument(r, depth) + " " + argument(r, depth);
            case 2 -> "x=" + argument(r, depth) + "; echo \"$x\"; echo $((x + 1))";
            case 3 -> "case a in a) echo " + argument(r, depth + 1) + ";; esac";
            case 4 -> "cat <<" + (r.nextBoolean() ? "EOF" : "'EOF'") + "\n" + body(r, depth) + "\nEOF";
            case 5 -> "echo " + argument(r, depth) + " # note " + placeholder(r);
            case 6 -> "[[ " + argument(r, depth) + " -eq 1 ]] || [[ -n " + argument(r, depth) + " ]]";
            case 7 -> "(( " + placeholder(r) + " > 1 ))";
            case 8 -> "let n=" + argument(r, depth) + " 2>/dev/null; echo $n";
            case 9 -> "a=(" + argument(r, depth) + "); echo \"${a[0]}\" ${#a[@]}";
            case 10 -> "for i in " + argument(r, depth) + "; do echo \"$i\"; done";
            case 11 -> "( echo " + argument(r, depth + 1) + " ) | cat && { echo " + argument(r, depth + 1) + "; }";
            case 12 -> "echo `echo " + argument(r, depth + 1) + "`";
            case 13 -> "echo $'a\\'b' " + argument(r, depth);
            case 14 -> "cat <<<" + argument(r, depth) + "; test " + argument(r, depth) + " = a";
            case 15 -> "cat <<-EOF\n\t" + body(r, depth) + "\n\tEOF";
            default -> "f() { echo " + argument(r, depth + 1) + "; }; f";
        };
    }

    private static String argument(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 4 : 11)) {
            case 0, 1 -> placeholder(r);
            case 2 -> "'a " + placeholder(r) + " b'";
            case 3 -> "\"a " + placeholder(r) + " b\"";
            case 4 -> "\"$(" + command(r, depth + 1) + ")\"";
            case 5 -> "$(" + command(r, depth + 1) + ")";
            case 6 -> (r.nextBoolean() ? "\"${UNSET:-" : "${UNSET:-") + placeholder(r)
                    + (r.nextBoolean() ? "}\"" : "}") ;
            case 7 -> "$(( 1 + " + placeholder(r) + " ))";
            case 8 -> placeholder(r) + placeholder(r) + "x";
            case 9 -> "\"${UNSET:-\"" + placeholder(r) + "\"}\"";
            default -> "\"x" + argument(r, depth + 1).replace("\"", "") + "\"";
        };
    }

    private static String body(Random r, int depth) {
        return switch (r.nextInt(3)) {
            case 0 -> "line " + placeholder(r);
            case 1 -> "$(echo " + placeholder(r) + ")";
            default -> placeholder(r);
        };
    }

    private static String placeholder(Random r) {
        String[] before = {"", "", "", "x", "=", "\\", "$", "'", "\"", "`"};
        return before[r.nextInt(before.length)] + "{{v}}";
    }

    private void run(String shell, String script) throws Exception {
        Path file = Files.createTempFile(dir, "script", ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(shell, file.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        Files.delete(file);
    }
}
