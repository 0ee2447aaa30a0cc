package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.runbook.SuggestionSource.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values of a placeholder's shape read from an earlier command's output line, shown with the rest of the line. */
class SuggestedValuesTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "COMMIT    | 9fceb02 (HEAD -> main) Add the booking service    | 9fceb02",
            "COMMIT    | a1b2c3d4e5f6 Previous stable version              | a1b2c3d4e5f6",
            "COMMIT    | commit 9fceb02d0ae598e95dc970b74767f19372d61af8    | 9fceb02d0ae598e95dc970b74767f19372d61af8",
            "COMMIT    | Author: Jane <jane@example.org>                   | -",
            "TAG       | production-stable-2026-09-30                      | production-stable-2026-09-30",
            "TAG       | v1.4.2                                            | v1.4.2",
            "TAG       | error: not a git repository                       | -",
            "REVISION  | 3         kubectl set image deploy/api api=api:1.4  | 3",
            "REVISION  | REVISION  CHANGE-CAUSE                            | -",
            "IMAGE_TAG | api   registry.example.org/api:1.4.2   Running    | 1.4.2",
            "BRANCH    | * main                                            | main",
            "BRANCH    |   release/2026-11                                 | release/2026-11"})
    void a_line_of_the_shape_gives_its_value(Shape shape, String line, String value) {
        List<SuggestedValues.Suggestion> found = SuggestedValues.from(shape, List.of(line));
        if (value == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactly(new SuggestedValues.Suggestion(value, line.strip()));
        }
    }

    @ParameterizedTest(name = "{0} lines")
    @CsvSource({"3, 3", "25, 10"})
    void each_value_once_and_at_most_ten(int lines, int expected) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add(String.format("%07x commit %d", 0xabc0000 + i, i));
            out.add(String.format("%07x commit %d again", 0xabc0000 + i, i));
        }
        assertThat(SuggestedValues.from(Shape.COMMIT, out)).hasSize(expected)
                .extracting(SuggestedValues.Suggestion::value).doesNotHaveDuplicates();
    }
}
