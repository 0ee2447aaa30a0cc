package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.incidentconsole.testing.HostileValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filled script, run by a real shell, receives each hostile value exactly, as one argument, in every place
 * a placeholder may stand; no value ever runs a command (the marker file never appears).
 */
class CommandRendererBashTest {
    /** Where the placeholder stands, and what the script prints: {@code <value>} on one line. */
    private static final Map<String, String> PLACES = Map.of(
            "bare", "printf '<%s>\\n' {{v}}",
            "double-quoted", "printf '<%s>\\n' \"{{v}}\"",
            "double-quoted with text", "printf '<%s>\\n' \"[{{v}}]\" | sed 's/^<\\[/</; s/]>$/>/'",
            "in $(…) inside \"…\"", "printf '<%s>\\n' \"$(printf '%s' {{v}})\"",
            "in ${…:-} inside \"…\"", "unset NOPE; printf '<%s>\\n' \"${NOPE:-{{v}}}\"",
            "in ${…:-}", "unset NOPE; printf '<%s>\\n' ${NOPE:-{{v}}}",
            "here-document", "printf '<%s>\\n' \"$(cat <<EOF\n{{v}}\nEOF\n)\"",
            "quoted here-document", "printf '<%s>\\n' \"$(cat <<'EOF'\n{{v}}\nEOF\n)\"",
            "single-quoted", "printf '<%s>\\n' '{{v}}'",
            "case branch in $(…)", "printf '<%s>\\n' \"$(case a in a) printf '%s' {{v}};; esac)\"");

    @TempDir
    Path dir;

    @Test
    void every_hostile_value_reaches_bash_and_sh_as_exactly_one_argument_and_runs_nothing() throws Exception {
        long seed = System.nanoTime();
        Path marker = dir.resolve("pwned");
        List<String> corpus = new ArrayList<>(HostileValues.fixed(marker));
        corpus.addAll(HostileValues.random(seed, 150, marker));
        int runs = 0;
        int refused = 0;
        List<String> wrong = new ArrayList<>();
        for (var place : PLACES.entrySet()) {
            for (String value : corpus) {
                String script;
                try {
                    script = CommandRenderer.renderCommand(place.getValue(), Map.of("v", value),
                            Map.of("v", ValueType.TEXT));
                } catch (ValueRejectedException e) {
                    refused++;
                    boolean mayRefuse = ValueType.TEXT.problem(value) != null
                            || place.getKey().equals("single-quoted") && value.contains("'")
                            || place.getKey().startsWith("in ${") && !value.matches("[A-Za-z0-9@%+=:,./_-]+")
                            || place.getKey().contains("here-document") && value.equals("EOF");
                    if (!mayRefuse) {
                        wrong.add(place.getKey() + " refused " + value + ": " + e.getMessage());
                    }
                    continue;
                }
                for (String shell : List.of("bash", "sh")) {
                    String printed = run(shell, script);
                    runs++;
                    String expected = place.getKey().contains("here-document") ? value.stripTrailing() : value;
                    if (!printed.equals("<" + expected + ">\n") && !printed.equals("<" + value + ">\n")) {
                        wrong.add(shell + " " + place.getKey() + ": " + value + " → " + script + " printed " + printed);
                    }
                }
            }
        }
        System.out.printf("hostile values: %d values × %d places, %d shell runs, %d refused, %d marker files%n",
                corpus.size(), PLACES.size(), runs, refused, markers());
        assertThat(wrong).as("seed " + seed).isEmpty();
        assertThat(markers()).as("marker files created (seed " + seed + ")").isZero();
    }

    @Test
    void a_value_that_cannot_stand_where_the_placeholder_is_is_refused_with_the_rule() throws Exception {
        assertThatThrownBy(() -> CommandRenderer.renderCommand("echo '{{v}}'", Map.of("v", "it's"), Map.of()))
                .isInstanceOf(ValueRejectedException.class)
                .hasMessage("v contains ' but stands inside '…' in the script, where it would end the quotes");
        assertThatThrownBy(() -> CommandRenderer.renderCommand("echo `cat {{v}}`", Map.of("v", "a"), Map.of()))
                .hasMessageStartingWith("v stands inside backticks");
        assertThatThrownBy(() -> CommandRenderer.renderCommand("cat <<EOF\n{{v}}\nEOF\nrm x", Map.of("v", "EOF"),
                Map.of())).hasMessage("v would end the here-document early (its line would read EOF)");
        assertThatThrownBy(() -> CommandRenderer.renderCommand("git reset {{ref}}", Map.of("ref", "HEAD --hard"),
                Map.of("ref", ValueType.GIT_REF))).hasMessageStartingWith("ref is not a git ref");
        assertThatThrownBy(() -> CommandRenderer.renderCommand("git -C {{app_dir}} log", Map.of(), Map.of()))
                .hasMessage("app_dir has no value yet");
        for (String template : List.of("echo \\{{v}}", "echo \"\\{{v}}\"", "echo ${{v}}", "echo \"${{v}}\"",
                "cat <<EOF\n\\{{v}}\nEOF", "cat <<EOF\n${{v}}\nEOF")) {
            assertThatThrownBy(() -> CommandRenderer.renderCommand(template, Map.of("v", "(touch x)"), Map.of()))
                    .as(template).isInstanceOf(ValueRejectedException.class).hasMessageMatching("v follows a .*");
        }
        assertThatThrownBy(() -> CommandRenderer.renderCommand("[[ {{v}} -eq 1 ]]", Map.of("v", "x[$(touch p)]"),
                Map.of())).hasMessage("v holds [ followed by $( or `, a command bash runs if the value is ever used"
                        + " as a number");
        assertThatThrownBy(() -> CommandRenderer.renderCommand("echo $(( {{v}} + 1 ))", Map.of("v", "a b"),
                Map.of())).hasMessageStartingWith("v stands inside $((…)) or ((…)) in the script");
        assertThat(CommandRenderer.renderCommand("echo \\\\{{v}} '${{v}}'", Map.of("v", "a b"), Map.of()))
                .isEqualTo("echo \\\\'a b' '$a b'");
    }

    @Test
    void plain_values_stay_readable_and_others_are_quoted() throws Exception {
        Map<String, ValueType> text = Map.of();
        assertThat(CommandRenderer.renderCommand("git -C {{app_dir}} log", Map.of("app_dir", "/var/www/app"), text))
                .isEqualTo("git -C /var/www/app log");
        assertThat(CommandRenderer.renderCommand("redis-cli GET {{p}}{{s}}:state",
                Map.of("p", "circuit_breaker:", "s", "pay ments"), text))
                .isEqualTo("redis-cli GET circuit_breaker:'pay ments':state");
        assertThat(CommandRenderer.renderCommand("echo {{v}}", Map.of("v", "it's"), text))
                .isEqualTo("echo 'it'\\''s'");
        assertThat(CommandRenderer.renderCommand("echo \"{{v}}\"", Map.of("v", "$a`b\"c\\"), text))
                .isEqualTo("echo \"\\$a\\`b\\\"c\\\\\"");
    }

    private String run(String shell, String script) throws Exception {
        Path file = Files.createTempFile(dir, "script", ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(shell, file.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.delete(file);
        return new String(out, StandardCharsets.UTF_8);
    }

    private long markers() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("pwned")).count();
        }
    }
}
