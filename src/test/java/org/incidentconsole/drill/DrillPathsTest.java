package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the drill's shell presents host paths: rewritten onto the drill's folder, passed, or refused. */
class DrillPathsTest {
    private static final Path ROOT = Path.of("/tmp/incident-console-drill-1");
    private final DrillPaths paths = new DrillPaths(ROOT, Map.of("/var/www", ROOT.resolve("host/var/www")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            # command => as the drill runs it
            cd /var/www/api-gateway => cd /tmp/incident-console-drill-1/host/var/www/api-gateway
            df -h /var/www => df -h /tmp/incident-console-drill-1/host/var/www
            git -C '/var/www/api-gateway' log => git -C '/tmp/incident-console-drill-1/host/var/www/api-gateway' log
            APP=/var/www/api-gateway/storage; ls $APP => APP=/tmp/incident-console-drill-1/host/var/www/api-gateway/storage; ls $APP
            tail -n 3 "/var/www/api-gateway/x.log"|wc -l => tail -n 3 "/tmp/incident-console-drill-1/host/var/www/api-gateway/x.log"|wc -l
            echo $(cat /var/www/a) => echo $(cat /tmp/incident-console-drill-1/host/var/www/a)
            curl http://localhost/api/health => curl http://localhost/api/health
            curl -s -o /dev/null -w '%{http_code}' x => curl -s -o /dev/null -w '%{http_code}' x
            head -n 3 | sed 's/^/sample /' => head -n 3 | sed 's/^/sample /'
            grep -E '^(MemTotal):' /proc/meminfo => grep -E '^(MemTotal):' /proc/meminfo
            cat /tmp/incident-console-drill-1/host/state/down => cat /tmp/incident-console-drill-1/host/state/down
            php artisan cache:clear # see /etc/php/8.3/fpm => php artisan cache:clear # see /etc/php/8.3/fpm
            echo 'it''s /var/www' => echo 'it''s /tmp/incident-console-drill-1/host/var/www'
            echo a\\/etc => echo a\\/etc
            """)
    void host_paths_are_put_onto_the_drills_folder_and_the_rest_is_left_as_written(String command, String expected) 
            throws Exception {
        assertThat(paths.rewrite(command)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            # command => the path named in the refusal
            cat /etc/passwd => /etc/passwd
            echo x > /tmp/escape => /tmp/escape
            /usr/bin/id => /usr/bin/id
            cd /var/www/../../../../../etc => /var/www/../../../../../etc
            ls /var/wwwx => /var/wwwx
            cd / => /
            cp a /tmp/incident-console-drill-10/b => /tmp/incident-console-drill-10/b
            """)
    void a_path_outside_the_drill_refuses_the_whole_command(String command, String path) {
        assertThatThrownBy(() -> paths.rewrite(command)).isInstanceOf(DrillRefusedException.class)
                .hasMessageStartingWith("drill: path not simulated: " + path + " (");
    }
}
