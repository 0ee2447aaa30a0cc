package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.incidentconsole.shell.DangerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A danger that arrives through a value is found in the rendered script, so it needs the typed confirmation. */
class RenderedDangerTest {
    private static CodeBlock block(String script) throws RunbookException {
        String md = "# R\n## Step (1 minute)\n```bash\n" + script + "\n```\n";
        return new RunbookParser().parse("r.md", md).steps().get(0).shellBlocks().get(0);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            redis-cli {{action}}          | FLUSHALL | DATA_LOSS
            redis-cli {{action}}          | flushdb  | DATA_LOSS
            redis-cli -n 2 {{action}} x   | DEL      | DATA_LOSS
            rm -{{flags}} /srv/app/cache  | rf       | MASS_DELETE
            sudo systemctl {{verb}} nginx | restart  | SERVICE_DISRUPTION
            git reset {{mode}} HEAD~1     | --hard   | none
            """)
    void the_filled_script_is_analysed_again(String script, String value, String kind) throws Exception {
        CodeBlock b = block(script);
        assertThat(b.dangers()).isEmpty();
        if (value.startsWith("-")) {
            assertThatThrownBy(() -> CommandRenderer.render(b, p -> value, p -> ValueType.TEXT))
                    .isInstanceOf(ValueRejectedException.class).hasMessageContaining("option");
            return;
        }
        CommandRenderer.Rendered rendered = CommandRenderer.render(b, p -> value, p -> ValueType.TEXT);
        assertThat(rendered.dangers()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DangerKind.valueOf(kind));
            assertThat(d.command()).contains(value);
            assertThat(d.acknowledged()).isFalse();
        });
    }
}
