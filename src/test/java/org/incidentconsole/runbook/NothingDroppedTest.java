package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every heading with something under it (besides rules and HTML comments) is a step of some kind. */
class NothingDroppedTest {
    @ParameterizedTest
    @ValueSource(strings = {"laravel-emergency-rollback.md", "k8s-rollback-es.md", "db-failover-de.md",
            "cache-restore-ja.md", "decision-menu.md", "windows-rollback.md"})
    void every_heading_with_content_is_a_step(String fixture) {
        Runbook rb = Fixtures.parse(fixture);
        List<Integer> stepLines = new ArrayList<>();
        rb.allSteps().forEach(s -> stepLines.add(s.line()));
        String text = new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
        for (int line : headingsWithContent(text)) {
            if (text.replace("\r\n", "\n").split("\n")[line - 1].startsWith("# ") && !stepLines.contains(line)) {
                assertThat(rb.description()).as(fixture + ": the title's prose").isNotBlank();
            } else {
                assertThat(stepLines).as(fixture + ": heading at line " + line).contains(line);
            }
        }
    }

    /** Lines of ATX headings followed by a non-blank line that is not a rule, a comment or another heading. */
    private static List<Integer> headingsWithContent(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<Integer> found = new ArrayList<>();
        boolean fence = false;
        int heading = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("```")) {
                fence = !fence;
            }
            if (!fence && l.matches("#{1,6} .*")) {
                heading = i + 1;
                continue;
            }
            boolean content = !l.isEmpty() && !l.equals("---") && !l.matches("<!--.*-->");
            if (heading > 0 && content && !found.contains(heading)) {
                found.add(heading);
            }
        }
        return found;
    }
}
