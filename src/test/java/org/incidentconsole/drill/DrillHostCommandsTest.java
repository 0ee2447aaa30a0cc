package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.ssh.RemoteCommand;
import org.incidentconsole.ssh.StreamKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The drill host over its real SSH: what its simulated commands answer, and what it refuses to touch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillHostCommandsTest {
    private DrillHost host;

    @BeforeAll
    void start() throws Exception {
        host = new DrillHost();
    }

    @AfterAll
    void stop() throws Exception {
        host.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            # command (each leaves the host as it found it)                     => exit => printed (stdout and stderr)
            pwd                                                                  => 0   => /var/www/api-gateway
            cd /var/www/api-gateway && pwd && git log --oneline -10 | wc -l      => 0   => 5
            git tag --points-at HEAD~1                                           => 0   => production-stable-2025-09-30
            git status --short | wc -l                                           => 0   => 0
            systemctl status php8.3-fpm nginx                                    => 0   => Active: active (running)
            sudo systemctl is-active php8.3-fpm nginx                            => 0   => active
            service php8.3-fpm status                                            => 0   => php8.3-fpm.service
            systemctl restart mysql                                              => 5   => Unit mysql.service could not be found.
            sudo systemctl stop nginx; curl -s -o /dev/null -w '%{http_code}' http://localhost/api/health; sudo systemctl start nginx => 0 => 502
            php artisan down && curl -s http://localhost/api/health; php artisan up => 0 => maintenance mode
            php artisan migrate:status                                           => 0   => 2026_11_20_000000_add_service_column_to_bookings ........ [2] Ran
            php artisan migrate:rollback                                         => 1   => Command cancelled.
            php artisan config:cache && php artisan route:cache && php artisan view:cache => 0 => Blade templates cached successfully.
            composer install --no-dev --optimize-autoloader --no-interaction    => 0   => Nothing to install, update or remove
            nginx -t                                                             => 0   => test is successful
            redis-cli GET circuit_breaker:calcom:state                           => 0   => open
            curl http://localhost/api/health                                     => 0   => Class BookingService not found
            curl -I http://localhost/api/v2/test                                 => 0   => HTTP/1.1 500
            tail -n 1 storage/logs/laravel-$(date +%Y-%m-%d).log | grep -c production. => 0 => 1
            rm -rf /var/www/api-gateway                                          => 127 => drill: command not simulated: rm -rf /var/www/api-gateway
            sudo reboot                                                          => 127 => drill: command not simulated: reboot
            cd /tmp && ls                                                        => 127 => drill: path not simulated: /tmp
            cat /etc/nginx/nginx.conf                                            => 127 => drill: path not simulated: /etc/nginx/nginx.conf
            php artisan tinker                                                   => 127 => drill: command not simulated: php artisan tinker
            composer update                                                      => 127 => drill: command not simulated: composer update
            mysql -e 'select 1'                                                  => 127 => drill: command not simulated: mysql -e select 1
            curl http://example.com/                                             => 6   => drill: command not simulated: curl to example.com
            """)
    void the_drill_host_answers_as_the_runbook_author_s_host_would(String command, int exit, String printed) {
        DrillHost.Ran ran = host.run(command);
        assertThat(ran.exit()).as(command + "\n" + ran.stdout() + "\n" + ran.stderr()).isEqualTo(exit);
        assertThat(ran.stdout() + "\n" + ran.stderr()).contains(printed == null ? "" : printed);
    }

    @Test
    void writes_to_var_www_land_in_the_drills_folder_and_nothing_outside_it_is_written() throws Exception {
        Path escape = Path.of(System.getProperty("java.io.tmpdir"), "drill-escape-" + ProcessHandle.current().pid());
        DrillHost.Ran ran = host.run("cd /var/www/api-gateway && echo probe > written-by-drill-test"
                + " && mkdir -p /var/www/new-site && touch /var/www/new-site/index.html && pwd");
        assertThat(ran.exit()).as(ran.stderr()).isZero();
        assertThat(ran.stdout()).isEqualTo("/var/www/api-gateway");
        assertThat(host.app().resolve("written-by-drill-test")).hasContent("probe");
        assertThat(host.app().resolveSibling("new-site/index.html")).exists();
        assertThat(Path.of("/var/www/api-gateway/written-by-drill-test")).doesNotExist();
        assertThat(Path.of("/var/www/new-site")).doesNotExist();

        assertThat(host.run("echo x > " + escape).stderr()).startsWith("drill: path not simulated: " + escape);
        assertThat(host.run("rm -rf /var/www/api-gateway").exit()).isEqualTo(127);
        assertThat(escape).doesNotExist();
        assertThat(host.app().resolve("VERSION")).as("the app is still there").exists();
    }

    @Test
    void service_acts_are_journaled_in_the_drills_state() throws Exception {
        assertThat(host.run("sudo service nginx reload").exit()).isZero();
        assertThat(host.drill.hostJournal()).anyMatch(l -> l.matches("\\S+Z systemctl reload nginx"));
    }

    @Test
    void the_apps_log_keeps_growing_while_it_is_broken() throws Exception {
        List<String> fresh = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        RemoteCommand follow = host.start("tail -n 0 -f storage/logs/laravel.log", (h, stream, line) -> {
            if (stream == StreamKind.STDOUT) {
                fresh.add(line);
                two.countDown();
            }
        });
        try {
            assertThat(two.await(30, TimeUnit.SECONDS)).as("two new lines within 30 s: " + fresh).isTrue();
        } finally {
            follow.cancel();
        }
        assertThat(fresh).allMatch(l -> l.contains("production.ERROR"));
        assertThat(Files.readString(host.app().resolve("storage/logs/laravel.log"))).contains(fresh.get(0));
    }
}
