package org.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The danger table on command lines in the shapes runbooks use, one row of shell/danger-cases.table each. */
class DangerTableTest {
    static List<Arguments> cases() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = DangerTableTest.class.getResourceAsStream("/shell/danger-cases.table")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String row : text.split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                int arrow = row.lastIndexOf(" ⟶ ");
                rows.add(Arguments.of(row.substring(0, arrow).replace("⏎", "\n"), row.substring(arrow + 3).strip()));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void each_command_line_gets_the_kinds_of_danger_it_really_has(String script, String expected) {
        Set<String> kinds = DangerTable.findings(ShellParser.analyse(script)).stream()
                .map(f -> f.rule().kind().name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = expected.equals("none") ? Set.of() : new TreeSet<>(Arrays.asList(expected.split(",")));
        assertThat(kinds).as("kinds found in %s", script).isEqualTo(wanted);
    }

    @Test
    void the_table_has_at_least_150_cases_and_every_kind_of_a_rule_is_tested() throws IOException {
        List<Arguments> rows = cases();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        Set<String> tested = rows.stream().map(a -> (String) a.get()[1]).flatMap(k -> Arrays.stream(k.split(",")))
                .collect(Collectors.toSet());
        Set<String> used = DangerTable.rules().stream().map(r -> r.kind().name()).collect(Collectors.toSet());
        assertThat(tested).containsAll(used);
    }

    @Test
    void a_row_that_is_not_five_columns_names_its_line() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DangerTable.parse("shell | rm | - | DATA_LOSS", 7))
                .hasMessageContaining("dangers.table:7");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DangerTable.parse("shell | rm | opt | DATA_LOSS | x", 9))
                .hasMessageContaining("dangers.table:9");
    }
}
