package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven checks of budgets, placeholders and dangers, one line of a real runbook per row. */
class RunbookTablesTest {
    @ParameterizedTest(name = "{0} -> {1}..{2} s")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            Step 1: Identify Previous Commit (30 seconds)   | 30   | 30
            B) Application Version Rollback (2-5 minutes)    | 120  | 300
            Step 1: Immediate Safety (Execute within 2 minutes) | 0 | 120
            Immediate Validation (T+2 minutes)               | 0    | 120
            Restart workers (⏱️ 5-10 minutes)                | 300  | 600
            Restart PHP-FPM < 2 minutes                      | 0    | 120
            Communication (First 5 minutes)                  | 0    | 300
            A) Feature flags only (Fastest - 30 seconds)     | 30   | 30
            Database restore (1 hour)                        | 3600 | 3600
            ⚡ EMERGENCY ROLLBACK (5 Minutes)                 | 300  | 300
            Verify (90 secs)                                 | 90   | 90
            Check the last 20 log lines                      | none | none
            Scenario 1: Service fails (Tag 3)                | none | none
            """)
    void budgets_are_read_as_ranges(String heading, Long min, Long max) {
        var budget = BudgetParser.parse(heading);
        if (min == null) {
            assertThat(budget).isEmpty();
        } else {
            assertThat(budget).get().extracting(Budget::minSeconds, Budget::maxSeconds).containsExactly(min, max);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            git checkout {{stable_ref}}                                        | {{stable_ref}}
            git checkout def5678  # Replace with actual commit hash            | def5678
            git reset --hard <known-good-commit-hash>                          | <known-good-commit-hash>
            git stash push -m "rolled back due to [REASON]"                    | [REASON]
            kubectl rollout undo deployment/app --to-revision=<revision>       | <revision>
            echo "$(date) ${USER:-nobody} ${NAME:?missing} $HOME"              | none
            cat <<EOF > /tmp/x                                                 | none
            sort < input.txt 2>&1 > sorted.txt                                 | none
            docker ps --format '{{.Names}} {{.Status}}'                        | none
            kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}' | none
            if [[ -f /tmp/flag ]]; then echo yes; fi                           | none
            grep -E '[A-Z]' app.log                                            | none
            tail -n 20 app.log  # <commit-hash> in a comment is not run        | none
            curl -H "X: {{token}}" https://x/{{path}}                          | {{token}},{{path}}
            """)
    void placeholders_are_found_and_shell_syntax_is_not_one(String command, String expected) {
        List<String> tokens = PlaceholderFinder.placeholders(command, 1).stream().map(Placeholder::token).toList();
        assertThat(tokens).isEqualTo(expected == null ? List.of() : Arrays.asList(expected.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            redis-cli FLUSHALL                                   | wipes every key of every Redis database
            redis-cli -n 2 FLUSHDB                               | wipes every key of the Redis database
            redis-cli DEL $(redis-cli KEYS "circuit_breaker:*")  | deletes every Redis key KEYS matches
            redis-cli DEL circuit_breaker:calcom:state           | deletes Redis keys
            git reset --hard day_2_complete                      | discards uncommitted changes (git reset --hard)
            git clean -fd                                        | deletes untracked files (git clean -f)
            git push --force-with-lease origin main              | rewrites remote history (force push)
            git push origin +main                                | rewrites remote history (force push)
            rm -rf /var/www/app/storage/cache                    | deletes files recursively (rm -rf)
            sudo systemctl restart php8.3-fpm                    | restarts or stops a service
            systemctl --no-pager stop nginx                      | restarts or stops a service
            supervisorctl restart all                            | restarts or stops supervised processes
            kubectl delete pod api-7d9                           | deletes pods (they restart)
            kubectl -n prod delete deployment api                | deletes Kubernetes resources
            kubectl rollout undo deployment/api                  | rolls Kubernetes workloads back or restarts them
            psql -c "DROP TABLE sessions"                        | drops database objects
            psql -c 'TRUNCATE audit_log'                         | empties database tables
            php artisan migrate:rollback --step=1                | rolls the database schema back
            php artisan down --retry=60                          | puts the application in maintenance mode
            docker-compose down                                  | stops or removes containers
            pg_restore --clean -d app backup.dump                | restores over the existing database (pg_restore --clean)
            dropdb app_old                                       | deletes a database
            git push origin emergency-backup-$(date +%Y%m%d)     | none
            git log --oneline -10                                | none
            systemctl status php8.3-fpm                          | none
            redis-cli --scan --pattern 'circuit_breaker:*'       | none
            rm -f /tmp/one-file                                  | none
            """)
    void dangerous_commands_are_flagged_with_a_reason(String command, String reason) {
        assertThat(DangerDetector.detect(command)).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            systemctl restart nginx  # danger: reloads the web tier  | reloads the web tier
            ./deploy.sh rollback  # danger: runs the deploy tool     | runs the deploy tool
            """)
    void authors_mark_dangers_with_a_comment(String line, String reason) {
        assertThat(DangerDetector.dangers(line, 7, null)).singleElement().satisfies(d -> {
            assertThat(d.reason()).isIn(reason, DangerDetector.detect(d.command()));
            assertThat(d.acknowledged()).isTrue();
            assertThat(d.line()).isEqualTo(7);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sudo systemctl restart php8.3-fpm  # danger: drops requests | true
            service nginx stop                                          | true
            kubectl -n prod rollout restart deploy/api                  | true
            docker compose down                                         | true
            php artisan queue:restart                                   | true
            git reset --hard HEAD~1  # danger: stops the service        | false
            redis-cli FLUSHDB                                           | false
            ./deploy.sh rollback  # danger: restarts everything         | false
            """)
    void whether_a_danger_stops_a_service_comes_from_its_rule_never_from_the_wording_of_a_reason(String line,
                                                                                                boolean stops) {
        assertThat(DangerDetector.dangers(line, 1, null)).singleElement()
                .satisfies(d -> assertThat(d.stopsService()).isEqualTo(stops));
    }
}
