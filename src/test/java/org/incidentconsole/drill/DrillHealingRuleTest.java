package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The drill app heals when a good release is checked out, its caches and configuration renewed after that, and
 * PHP-FPM restarted or reloaded after that; maintenance mode and stopped services answer as they would.
 * Each row starts from the broken deploy again, over the drill's SSH.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillHealingRuleTest {
    private static final String BROKEN_AGAIN = "php artisan up > /dev/null; sudo systemctl start php8.3-fpm nginx; "
            + "git checkout -q main; ";
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
            # what the operator did after the broken deploy                                   => status => answer
            php artisan optimize:clear; sudo systemctl restart php8.3-fpm                      => 500 => Class BookingService not found
            git checkout -q production-stable-2025-09-30                                       => 500 => stale compiled cache
            git checkout -q production-stable-2025-09-30; php artisan cache:clear; sudo systemctl restart php8.3-fpm => 500 => stale compiled cache
            git checkout -q production-stable-2025-09-30; php artisan optimize:clear          => 500 => PHP-FPM workers still run
            sudo systemctl restart php8.3-fpm; git checkout -q production-stable-2025-09-30; php artisan optimize:clear => 500 => PHP-FPM workers still run
            git checkout -q production-stable-2025-09-30; php artisan optimize:clear; sudo systemctl restart php8.3-fpm => 200 => healthy
            git checkout -q production-stable-2025-09-30; sudo systemctl restart php8.3-fpm; php artisan cache:clear; php artisan config:cache => 200 => healthy
            git checkout -q production-stable-2025-09-30; php artisan cache:clear; php artisan config:clear; sudo systemctl reload php8.3-fpm => 200 => healthy
            git checkout -q production-stable-2025-09-30; php artisan optimize:clear; service php8.3-fpm restart => 200 => healthy
            git checkout -q release-2026.11.2~1; php artisan optimize:clear; sudo systemctl restart php8.3-fpm => 200 => healthy
            git checkout -q production-stable-2025-09-30; php artisan optimize:clear; sudo systemctl restart php8.3-fpm; php artisan down => 503 => maintenance mode
            git checkout -q production-stable-2025-09-30; php artisan optimize:clear; sudo systemctl restart php8.3-fpm; sudo systemctl stop nginx => 502 => nginx is stopped
            """)
    void the_app_answers_by_what_the_rollback_did(String acts, int status, String answer) throws Exception {
        DrillHost.Ran ran = host.run(BROKEN_AGAIN + acts + "; curl -s -w '\\n%{http_code}' http://localhost/api/health");
        assertThat(ran.out()).as(acts + "\n" + ran.stderr()).last().isEqualTo(String.valueOf(status));
        assertThat(ran.stdout()).contains(answer);
        assertThat(host.drill.appHealthy()).isEqualTo(status == 200);
    }
}
