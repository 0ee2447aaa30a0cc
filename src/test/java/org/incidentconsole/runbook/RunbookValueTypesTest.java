package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Front matter declares each variable's type (or it is inferred); lint checks defaults and placements. */
class RunbookValueTypesTest {
    private static final String RUNBOOK = """
            ---
            variables:
              stable_ref: {role: rollback-to}
              app_dir: {default: /var/www/app}
              replicas: {type: number, default: "3"}
              label: {type: nonsense}
              log_path: {default: "--output=x"}
              note: {type: text, default: "anything; at all"}
            ---
            # R
            ## Step (1 minute)
            ```bash
            git -C {{app_dir}} checkout {{stable_ref}}
            echo "{{replicas}} {{label}} {{note}}"
            tail `echo {{log_path}}`
            ```
            """;

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"eval echo {{v}}", "sh -c \"echo {{v}}\"",
        "bash -c 'cat {{v}}'", "ssh web-02 cat {{v}}", "sudo -u app sh -c \"ls {{v}}\"", "su app -c \"ls {{v}}\"",
        "watch ls {{v}}"})
    void a_placeholder_given_to_a_command_that_reruns_it_as_code_is_a_warning(String line) throws Exception {
        Runbook rb = new RunbookParser().parse("r.md", "---\nvariables:\n  v: {}\n---\n# R\n## S (1 minute)\n"
                + "```bash\n" + line + "\n```\n");
        assertThat(rb.problems()).extracting(Problem::message).containsExactly("{{v}} goes to a command that runs its"
                + " arguments as shell code again (eval, sh -c, ssh, su -c, watch): its value would be code there");
    }

    @Test
    void declared_types_are_read_and_undeclared_ones_inferred() throws Exception {
        Runbook rb = new RunbookParser().parse("r.md", RUNBOOK);
        assertThat(rb.variables()).extracting(Variable::name, Variable::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("stable_ref", ValueType.GIT_REF),
                org.assertj.core.groups.Tuple.tuple("app_dir", ValueType.PATH),
                org.assertj.core.groups.Tuple.tuple("replicas", ValueType.NUMBER),
                org.assertj.core.groups.Tuple.tuple("label", ValueType.TEXT),
                org.assertj.core.groups.Tuple.tuple("log_path", ValueType.PATH),
                org.assertj.core.groups.Tuple.tuple("note", ValueType.TEXT));
        Step step = rb.steps().get(0);
        assertThat(step.placeholders()).extracting(step::typeOf).containsExactly(ValueType.PATH, ValueType.GIT_REF,
                ValueType.NUMBER, ValueType.TEXT, ValueType.TEXT, ValueType.PATH);
    }

    @Test
    void lint_names_an_unknown_type_a_default_its_type_refuses_and_a_placeholder_in_backticks() throws Exception {
        Runbook rb = new RunbookParser().parse("r.md", RUNBOOK);
        assertThat(rb.problems()).filteredOn(p -> p.severity() == Problem.Severity.ERROR)
                .extracting(Problem::line, Problem::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(6, "variable 'label': unknown type 'nonsense' (known:"
                                + " git-ref, path, service, host, number, url, text)"),
                        org.assertj.core.groups.Tuple.tuple(7, "variable 'log_path': the default starts with '-', so"
                                + " a command would read it as an option (type path)"),
                        org.assertj.core.groups.Tuple.tuple(15, "{{log_path}} stands inside backticks, $'…' or a"
                                + " here-document line that runs a command, where no value can be inserted"
                                + " safely"));
    }
}
