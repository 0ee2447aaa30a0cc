package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.incidentconsole.shell.DangerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dangers of whole blocks: lines, continuations, the author's marks, the fence's mark, comments as data. */
class DangerDetectorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            sudo systemctl \\⏎  restart nginx                              | 3 | sudo systemctl restart nginx | restarts or stops a service | false
            sudo systemctl \\⏎  restart nginx  # danger: drops requests    | 3 | sudo systemctl restart nginx | drops requests              | true
            # danger: empties the cache on purpose⏎redis-cli FLUSHDB        | 4 | redis-cli FLUSHDB            | empties the cache on purpose | true
            ls /tmp  # never rm -rf here⏎echo ok                            | none | none                    | none                         | false
            ./deploy.sh  # danger: runs the deploy tool                     | 3 | ./deploy.sh                  | runs the deploy tool         | true
            # danger: above a blank line is kept⏎⏎sudo reboot               | 5 | sudo reboot                  | above a blank line is kept   | true
            cat <<EOF > notes⏎sudo reboot⏎EOF⏎echo done                     | none | none                    | none                         | false
            """)
    void a_block_gets_one_danger_per_dangerous_command_on_the_line_it_starts(String script, Integer line,
                                                                             String command, String reason,
                                                                             boolean acknowledged) {
        List<Danger> dangers = DangerDetector.dangers(script.replace("⏎", "\n"), 3, null);
        if (line == null) {
            assertThat(dangers).isEmpty();
            return;
        }
        assertThat(dangers).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(line);
            assertThat(d.command()).isEqualTo(command);
            assertThat(d.reason()).isEqualTo(reason);
            assertThat(d.acknowledged()).isEqualTo(acknowledged);
        });
    }

    @Test
    void every_danger_of_a_line_is_listed_with_its_own_reason() {
        assertThat(DangerDetector.dangers("sudo systemctl stop nginx && rm -rf /var/www/old", 1, null))
                .extracting(Danger::reason, Danger::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("restarts or stops a service",
                                DangerKind.SERVICE_DISRUPTION),
                        org.assertj.core.groups.Tuple.tuple("deletes files recursively (rm -rf)",
                                DangerKind.MASS_DELETE));
    }

    @Test
    void the_fence_mark_acknowledges_what_is_found_and_flags_a_block_where_nothing_is() {
        assertThat(DangerDetector.dangers("redis-cli FLUSHALL", 1, "cache reset"))
                .singleElement().satisfies(d -> {
                    assertThat(d.acknowledged()).isTrue();
                    assertThat(d.kind()).isEqualTo(DangerKind.DATA_LOSS);
                });
        assertThat(DangerDetector.dangers("./migrate.sh", 1, "runs the migration"))
                .singleElement().satisfies(d -> {
                    assertThat(d.reason()).isEqualTo("runs the migration");
                    assertThat(d.kind()).isEqualTo(DangerKind.AUTHOR_MARKED);
                    assertThat(d.stopsService()).isFalse();
                });
    }

    @Test
    void a_script_nested_too_deep_to_analyse_is_treated_as_dangerous_with_a_located_reason() {
        String script = "echo start\n" + "bash <<'E'\n".repeat(40) + "reboot\n";
        assertThat(DangerDetector.dangers(script, 10, null)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DangerKind.UNANALYSED);
            assertThat(d.reason()).contains("nested deeper than");
            assertThat(d.acknowledged()).isFalse();
        });
    }
}
