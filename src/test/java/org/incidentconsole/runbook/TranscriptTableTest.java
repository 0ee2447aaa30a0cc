package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Blocks pasted from terminals: what runs (prompt lines, their continuations) and what is only output. */
class TranscriptTableTest {
    static Stream<Arguments> transcripts() {
        return Stream.of(
                Arguments.of("bash", "$ kubectl rollout undo deployment/api\ndeployment.apps/api rolled back",
                        "kubectl rollout undo deployment/api"),
                Arguments.of("console", "# systemctl restart nginx\n[root@web1 ~]# systemctl status nginx\n"
                        + "active (running)", "systemctl restart nginx|systemctl status nginx"),
                Arguments.of("console", "deploy@web1:~/app$ sudo systemctl reload php8.3-fpm\nok",
                        "sudo systemctl reload php8.3-fpm"),
                Arguments.of("shell", "% git tag --list 'prod-*'\nprod-1\nprod-2", "git tag --list 'prod-*'"),
                Arguments.of("console", "$ cat <<EOF > /tmp/n\n> rolled back\n> EOF\n$ echo done\ndone",
                        "cat <<EOF > /tmp/n|rolled back|EOF|echo done"),
                Arguments.of("console", "$ psql -c \"SELECT 1;\n> \"\n ?column?", "psql -c \"SELECT 1;|\""),
                Arguments.of("bash", "$ curl -s \\\n>   http://127.0.0.1/health\n{\"ok\":true}",
                        "curl -s \\|  http://127.0.0.1/health"),
                Arguments.of("", "$ redis-cli PING\nPONG", "redis-cli PING"),
                Arguments.of("bash", "# a comment, not a prompt\nredis-cli PING",
                        "# a comment, not a prompt|redis-cli PING"),
                Arguments.of("sh", "bash-5.1$ uptime\n 10:00 up 3 days", "uptime"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {2}")
    @MethodSource("transcripts")
    void prompt_lines_run_and_output_lines_are_only_shown(String language, String block, String commands)
            throws Exception {
        String md = "# R\n## Check (1 minute)\n```" + language + "\n" + block + "\n```\n";
        CodeBlock parsed = new RunbookParser().parse("t.md", md).steps().get(0).blocks().get(0);
        assertThat(parsed.runnable()).isTrue();
        assertThat(parsed.script().lines().filter(l -> !l.isBlank()).toList())
                .containsExactlyElementsOf(Arrays.asList(commands.split("\\|")));
        assertThat(parsed.script().split("\n", -1)).hasSameSizeAs(block.split("\n", -1));
        assertThat(parsed.text()).isEqualTo(block);
    }
}
