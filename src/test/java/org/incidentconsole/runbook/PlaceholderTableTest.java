package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: which text of a shell line an operator must fill before it runs (src/test/resources/runbook/placeholders.txt). */
class PlaceholderTableTest {
    static Stream<Arguments> rows() throws IOException {
        try (InputStream in = PlaceholderTableTest.class.getResourceAsStream("/runbook/placeholders.txt")) {
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return table.lines().filter(l -> !l.isBlank() && !l.startsWith("//")).map(l -> {
                int arrow = l.lastIndexOf("  ==>  ");
                String script = l.substring(0, arrow).replace("\\n", "\n");
                String expected = l.substring(arrow + 7).strip();
                return Arguments.of(script, expected.equals("none") ? List.of()
                        : Arrays.stream(expected.split(", ")).map(String::strip).toList());
            }).toList().stream();
        }
    }

    /** What a step asks for when the runbook declares no variables: foreign templates are left as written. */
    private static List<String> toFill(String script) {
        return PlaceholderFinder.placeholders(script, 1).stream()
                .filter(p -> p.kind() != Placeholder.Kind.FOREIGN_TEMPLATE).map(Placeholder::token).toList();
    }

    @ParameterizedTest(name = "{0}  ==>  {1}")
    @MethodSource("rows")
    void the_placeholders_of_a_line_are_exactly_the_tokens_to_fill(String script, List<String> expected) {
        assertThat(toFill(script)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ansible web -m debug -a "msg={{ inventory_hostname }}"            | {{ inventory_hostname }}
            ansible-playbook site.yml --extra-vars "tag={{ release }}"        | {{ release }}
            ansible web -e "v={{ ver }}" -m ping                              | {{ ver }}
            curl -d '{"text": "{{ message }}"}' https://hooks.example.com/T0  | {{ message }}
            gh workflow run deploy.yml -f ref=${{ github.sha }}               | {{ github.sha }}
            echo "{{ secrets.TOKEN }}"                                        | {{ secrets.TOKEN }}
            """)
    void a_template_of_another_tool_is_a_foreign_template(String line, String token) {
        assertThat(PlaceholderFinder.placeholders(line, 1)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Placeholder.Kind.FOREIGN_TEMPLATE);
            assertThat(p.token()).isEqualTo(token);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            redis-cli --scan --pattern '{{breaker_prefix}}*:state'  | breaker_prefix
            curl -d '{"ref": "{{stable_ref}}"}' https://deploy.example.com | stable_ref
            ansible web -a "systemctl restart {{service}}"          | service
            """)
    void a_template_whose_name_the_runbook_declares_is_a_runbook_variable_wherever_it_stands(String line,
                                                                                           String name) {
        CodeBlock block = new CodeBlock(1, "sh", null, line, true, line, List.of(),
                PlaceholderFinder.placeholders(line, 2), List.of(), List.of(), List.of());

        assertThat(PlaceholderFinder.settled(block, Set.of(name)).placeholders()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Placeholder.Kind.VARIABLE))
                .satisfies(p -> assertThat(p.name()).isEqualTo(name));
        assertThat(PlaceholderFinder.settled(block, Set.of()).placeholders()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kubectl rollout undo deployment/api -n production  # Replace with your deployment name | deployment | Replace with your deployment name
            export NAMESPACE="prod"  # replace with your namespace                              | NAMESPACE  | replace with your namespace
            """)
    void a_replace_comment_names_its_literal_and_keeps_its_words_as_the_hint(String line, String name, String hint) {
        assertThat(PlaceholderFinder.placeholders(line, 7)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Placeholder.Kind.REPLACE_LITERAL);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.hint()).isEqualTo(hint);
            assertThat(p.line()).isEqualTo(7);
        });
    }
}
