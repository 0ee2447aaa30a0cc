package org.incidentconsole.ui.runbook.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputSearchTest {
    private static final List<String> LINES = List.of("worker started", "GET /api/health 200", "ERROR timeout",
            "GET /api/health 503", "error: retrying");

    @ParameterizedTest(name = "\"{0}\" matches lines {1}")
    @CsvSource(delimiter = ';', value = {
            "health;      1 3;  1 of 2",
            "error;       2 4;  1 of 2",
            "ERROR;       2 4;  1 of 2",
            "GET /api;    1 3;  1 of 2",
            "started;     0;    1 of 1",
            "nothing;     ;     no match",
    })
    void a_query_matches_lines_containing_it_ignoring_case(String query, String lines, String summary) {
        OutputSearch search = new OutputSearch();
        search.searchIn(FXCollections.observableArrayList(LINES));

        search.queryProperty().set(query);

        List<Integer> expected = lines == null ? List.of()
                : Arrays.stream(lines.trim().split(" ")).map(Integer::parseInt).toList();
        assertThat(search.matchedLines()).isEqualTo(expected);
        assertThat(search.summaryProperty().get()).isEqualTo(summary);
        assertThat(search.currentLine()).isEqualTo(expected.isEmpty() ? -1 : expected.get(0));
    }

    @Test
    void next_and_previous_go_round_the_matches() {
        OutputSearch search = new OutputSearch();
        search.searchIn(FXCollections.observableArrayList(LINES));
        search.queryProperty().set("e");
        int count = search.matchedLines().size();

        search.previous();
        assertThat(search.currentLine()).isEqualTo(search.matchedLines().get(count - 1));
        search.next();
        assertThat(search.currentLine()).isEqualTo(search.matchedLines().get(0));
        search.next();
        assertThat(search.summaryProperty().get()).isEqualTo("2 of " + count);
    }

    @Test
    void lines_streaming_in_are_searched_too_and_the_current_match_stays() {
        ObservableList<String> lines = FXCollections.observableArrayList(LINES);
        OutputSearch search = new OutputSearch();
        search.searchIn(lines);
        search.queryProperty().set("health");
        search.next();
        assertThat(search.currentLine()).isEqualTo(3);

        lines.add("GET /api/health 200 again");

        assertThat(search.matchedLines()).containsExactly(1, 3, 5);
        assertThat(search.currentLine()).as("the operator's place is kept").isEqualTo(3);
        assertThat(search.summaryProperty().get()).isEqualTo("2 of 3");
    }

    @Test
    void switching_to_another_list_searches_that_one() {
        OutputSearch search = new OutputSearch();
        search.searchIn(FXCollections.observableArrayList(LINES));
        search.queryProperty().set("retrying");

        search.searchIn(FXCollections.observableArrayList("nothing here"));
        assertThat(search.summaryProperty().get()).isEqualTo("no match");
        search.searchIn(null);
        assertThat(search.matchedLines()).isEmpty();
    }
}
