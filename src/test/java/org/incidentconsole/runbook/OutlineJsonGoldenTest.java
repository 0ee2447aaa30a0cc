package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON outline is stable: same keys, same order, same values as the golden file. */
class OutlineJsonGoldenTest {
    private static final List<String> STEP_KEYS = List.of("kind", "line", "path", "budget", "shellBlocks",
            "shownBlocks", "checklistItems", "placeholders", "inputs", "dangers", "choices", "question", "answers",
            "watch", "procedure", "decisions", "interactive", "suggestions");

    @Test
    void the_laravel_rollback_outline_matches_the_golden_file() throws Exception {
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(RunbookOutline.json(Fixtures.parse("laravel-emergency-rollback.md")));
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/outline-laravel-emergency-rollback.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json.replace("\r\n", "\n").strip()).isEqualTo(golden.replace("\r\n", "\n").strip());
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_step_has_every_key_in_the_documented_order() {
        Map<String, Object> outline = RunbookOutline.json(Fixtures.parse("decision-menu.md"));
        assertThat(outline.keySet()).containsExactly("title", "description", "procedures", "steps");
        List<Map<String, Object>> steps = new ArrayList<>((List<Map<String, Object>>) outline.get("steps"));
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            assertThat(step.keySet()).as("step %s", step.get("path")).containsExactlyElementsOf(STEP_KEYS);
            for (Map<String, Object> choice : (List<Map<String, Object>>) step.get("choices")) {
                steps.addAll((List<Map<String, Object>>) choice.get("steps"));
            }
        }
        assertThat(steps).extracting(s -> s.get("kind")).contains("decision", "choice", "run", "manual");
    }
}
