package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Commands that never end by themselves (watches) or wait for a terminal (interactive); NONE for the rest. */
class CommandFlagsTableTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            tail -f storage/logs/laravel.log | grep -i error => WATCH
            tail -F /var/log/nginx/error.log => WATCH
            tail --follow=name app.log => WATCH
            tail -20 storage/logs/laravel.log => NONE
            journalctl -u nginx -f => WATCH
            journalctl -u nginx --since '-10 min' => NONE
            kubectl logs -f deploy/api => WATCH
            kubectl get pods -w => WATCH
            kubectl get pods --watch => WATCH
            kubectl rollout status deployment/api => NONE
            docker logs -f api => WATCH
            docker compose logs -f app => WATCH
            watch -n 2 'redis-cli INFO clients' => WATCH
            sudo watch kubectl get pods => WATCH
            ping 10.0.0.1 => WATCH
            ping -c 3 10.0.0.1 => NONE
            read -p 'Continue? ' answer => INTERACTIVE
            redis-cli KEYS x | while read key; do echo $key; done => NONE
            psql $DATABASE_URL => INTERACTIVE
            psql $DATABASE_URL -c 'SELECT 1' => NONE
            psql -f fix.sql mydb => NONE
            psql mydb < fix.sql => NONE
            mysql -u root -p mydb => INTERACTIVE
            mysql -u app mydb -e 'SELECT 1' => NONE
            redis-cli => INTERACTIVE
            redis-cli -h cache1 -p 6380 => INTERACTIVE
            redis-cli -h cache1 PING => NONE
            echo PING | redis-cli => NONE
            redis-cli MONITOR => WATCH
            php artisan tinker => INTERACTIVE
            php artisan tinker --execute="echo 1;" => NONE
            rails c => INTERACTIVE
            bin/rails console => INTERACTIVE
            bundle exec rails c => INTERACTIVE
            python manage.py shell => INTERACTIVE
            python manage.py shell -c 'print(1)' => NONE
            python manage.py migrate app 0042 => NONE
            python3 => INTERACTIVE
            python3 -c 'print(1)' => NONE
            patronictl failover => INTERACTIVE
            patronictl failover --force --candidate db2 => NONE
            ssh web1 => INTERACTIVE
            ssh -i key web1 uptime => NONE
            top => INTERACTIVE
            top -b -n 1 => NONE
            htop => INTERACTIVE
            less storage/logs/laravel.log => INTERACTIVE
            vim .env => INTERACTIVE
            kubectl exec -it api-0 -- sh => INTERACTIVE
            kubectl edit deployment/api => INTERACTIVE
            docker exec -it api bash => INTERACTIVE
            crontab -e => INTERACTIVE
            crontab -l => NONE
            sqlite3 app.db => INTERACTIVE
            sqlite3 app.db 'SELECT 1' => NONE
            git rebase -i HEAD~3 => INTERACTIVE
            git log --oneline -10 => NONE
            sudo systemctl restart nginx => NONE
            kubectl port-forward svc/api 8080:80 => WATCH
            docker compose up app => WATCH
            docker compose up -d app => NONE
            docker-compose up -d backend-v2 => NONE
            php artisan queue:work => WATCH
            php artisan queue:restart => NONE
            """)
    void commands_that_do_not_end_by_themselves_are_flagged(String command, String expected) {
        var flags = CommandFlags.of(command.strip(), 1);
        if (expected.equals("NONE")) {
            assertThat(flags).as(command).isEmpty();
        } else {
            assertThat(flags).as(command).extracting(CommandFlag::kind)
                    .containsExactly(CommandFlag.Kind.valueOf(expected));
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> scripts() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("cat > /tmp/x << EOF\ntop\nEOF", 0),
                org.junit.jupiter.params.provider.Arguments.of("python -c \"\nimport sys\nsys.exit(0)\n\"", 0),
                org.junit.jupiter.params.provider.Arguments.of(
                        "php artisan tinker\n\\DB::table('x')->get();\nexit", 1));
    }

    @ParameterizedTest(name = "[{index}] {1} flag(s)")
    @org.junit.jupiter.params.provider.MethodSource("scripts")
    void heredoc_and_multi_line_string_bodies_are_not_commands(String script, int flags) {
        assertThat(CommandFlags.of(script, 1)).as(script).hasSize(flags);
    }
}
