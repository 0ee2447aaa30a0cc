package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alternatives inside one block, as authors mark them in several languages; "" expects no choice. */
class BlockAlternativesTableTest {
    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("bash", "# OPTION A: all\nredis-cli FLUSHDB\n\n# OPTION B: some\nredis-cli DEL k",
                        "OPTION A: all|OPTION B: some"),
                Arguments.of("bash", "# previous commit\ngit checkout abc1234\n\n# Or if you tagged it:\ngit checkout v1",
                        "previous commit|Or if you tagged it:"),
                Arguments.of("bash", "# 3. Go back\ngit reset --hard day_3  # if day 3 passed\n# OR\n"
                        + "git reset --hard day_2  # otherwise\n\n# 4. Verify\ngit status",
                        "git reset --hard day_3  # if day 3 passed|git reset --hard day_2  # otherwise"),
                Arguments.of("bash", "# Método 1: undo\nkubectl rollout undo deploy/api\n# Método 2: image\n"
                        + "kubectl set image deploy/api api=api:v1", "Método 1: undo|Método 2: image"),
                Arguments.of("bash", "# 方法 1: 再起動\nsystemctl restart app\n# 方法 2: 切り戻し\ngit checkout v1",
                        "方法 1: 再起動|方法 2: 切り戻し"),
                Arguments.of("bash", "# 옵션 A\nsystemctl restart app\n# 옵션 B\ngit checkout v1", "옵션 A|옵션 B"),
                Arguments.of("bash", "# Variante 1: neu starten\nsystemctl restart app\n# oder zurück\ngit checkout v1",
                        "Variante 1: neu starten|oder zurück"),
                Arguments.of("sql", "-- Option A: restore\nRESTORE DATABASE x;\n-- or\nEXEC revert 42;",
                        "Option A: restore|EXEC revert 42;"),
                Arguments.of("javascript", "await flags.off('x');\n// or\nawait flags.reset();",
                        "await flags.off('x');|await flags.reset();"),
                Arguments.of("bat", "REM stop it\nnet stop w3svc\nREM or\niisreset /stop", "stop it|iisreset /stop"),
                Arguments.of("bash", "# Original setup\ngit checkout v1\n# order matters\nsystemctl restart app", ""),
                Arguments.of("bash", "cat > note.md <<EOF\n# Option A\ntext\n# Option B\nEOF\necho done", ""),
                Arguments.of("bash", "# Restart the service\nsystemctl restart app", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}: {2}")
    @MethodSource("blocks")
    void alternatives_are_split_at_their_labels_and_or_lines(String language, String block, String labels)
            throws Exception {
        String md = "# R\n## Do it (1 minute)\n```" + language + "\n" + block + "\n```\n";
        Step step = new RunbookParser().parse("b.md", md).steps().get(0);
        List<String> expected = labels.isEmpty() ? List.of() : Arrays.asList(labels.split("\\|"));
        assertThat(step.choices()).extracting(Alternative::label).containsExactlyElementsOf(expected);
        assertThat(step.kind() == StepKind.CHOICE).isEqualTo(!expected.isEmpty());
    }
}
