package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which sibling headings are alternatives (one CHOICE) and which are a sequence; children joined by ";". */
class SiblingAlternativesTableTest {
    @ParameterizedTest(name = "{0} / {2} → choice: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Step 3: Execute rollback | Choose the level that fits: | A) Flags only;B) Version;C) Database    | true
            Rollback                 |                             | Option 1: Helm;Option 2: kubectl        | true
            Rollback                 |                             | Method A;Method B                       | true
            Rollback                 |                             | Using Helm;Using kubectl                | true
            Rollback                 |                             | If the pod crashes;If the DB is down    | true
            Application Rollback     |                             | Kubernetes Rollback;Docker Rollback     | true
            Rollback alternatives    |                             | Partial revert;Feature flags            | true
            Volver atrás             | Elija una opción:           | Deshacer;Revisión concreta              | true
            復旧                      |                             | 方法 1: 再起動;方法 2: 切り戻し              | true
            Verification             |                             | 1-Minute Check;5-Minute Check           | false
            Database Rollback        |                             | 1. Check state;2. Roll back             | false
            Procedure                | Do these in order.          | Prepare;Execute;Verify                  | false
            Post-rollback checklist  |                             | Immediate Verification;Communication    | false
            Rollback                 |                             | Option A: revert;Empty;Option B: reset  | true
            """)
    void sibling_headings_are_a_choice_only_when_they_are_alternatives(String parent, String intro, String children,
                                                                       boolean choice) throws Exception {
        StringBuilder md = new StringBuilder("# R\n## ").append(parent).append('\n');
        if (intro != null) {
            md.append(intro).append('\n');
        }
        for (String child : children.split(";")) {
            md.append("### ").append(child).append('\n');
            if (!child.equals("Empty")) {
                md.append("```sh\necho ").append(child.length()).append("\n```\n");
            }
        }
        Runbook rb = new RunbookParser().parse("s.md", md.toString());
        if (choice) {
            assertThat(rb.steps()).singleElement().satisfies(s -> {
                assertThat(s.kind()).isEqualTo(StepKind.CHOICE);
                assertThat(s.title()).isEqualTo(parent);
                assertThat(s.choices()).extracting(Alternative::label).containsExactlyElementsOf(
                        Arrays.stream(children.split(";")).filter(c -> !c.equals("Empty")).toList());
            });
        } else {
            assertThat(rb.steps()).noneMatch(s -> s.kind() == StepKind.CHOICE);
            assertThat(rb.steps()).filteredOn(s -> s.kind() == StepKind.RUN).extracting(Step::title)
                    .containsExactlyElementsOf(Arrays.asList(children.split(";")));
        }
    }
}
