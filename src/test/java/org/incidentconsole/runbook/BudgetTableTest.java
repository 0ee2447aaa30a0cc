package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Budgets as authors write them; an empty min/max means "no budget here". */
class BudgetTableTest {
    @ParameterizedTest(name = "\"{0}\" → {1}..{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Step 1: Identify Previous Commit (30 seconds)   | 30    | 30
            Step 3 (2-5 minutes)                            | 120   | 300
            Roll back (5 min - 10 min)                      | 300   | 600
            Swap (30s-2min)                                 | 30    | 120
            Phase 1 (First 5 minutes)                       | 0     | 300
            Step 1: Immediate Safety (Execute within 2 minutes) | 0 | 120
            Immediate Validation (T+2 minutes)              | 0     | 120
            A) Feature flags (Fastest - 30 seconds)         | 30    | 30
            > **Time to Execute:** < 2 minutes              | 0     | 120
            **Immediate Actions (0-5 minutes):**            | 0     | 300
            Clean up (1-2 days)                             | 86400 | 172800
            Rebuild (1 hour to 2 hours)                     | 3600  | 7200
            Step 2 — 90 seconds                             | 90    | 90
            全消去 (30秒)                                     | 30    | 30
            Paso 3: Vigilar (5 minutos)                     | 300   | 300
            Schritt 2 (10 Minuten)                          | 600   | 600
            Check (1.5 hours)                               | 5400  | 5400
            Rollback ⏱️ 5 min                                | 300   | 300
            **Estimated time:** 10 minutes                  | 600   | 600
            Errors (last 24 hours)                          |       |
            Progress Updates (Every 5 minutes)              |       |
            Logs (since 10 minutes)                         |       |
            Errors (within the last hour)                   |       |
            Escalate for prolonged incidents (>30 min)      |       |
            Old backups (older than 2 days)                 |       |
            Logs (past 7 days)                              |       |
            Snapshot (5 minutes ago)                        |       |
            Upload (10 MB)                                  |       |
            Current State (Tag 2 Complete)                  |       |
            Latency (100 ms)                                |       |
            """)
    void budgets_are_read_as_authors_write_them(String text, Long min, Long max) {
        var budget = BudgetParser.parse(text.strip());
        if (min == null) {
            assertThat(budget).as(text).isEmpty();
        } else {
            assertThat(budget).as(text).hasValueSatisfying(b -> {
                assertThat(b.minSeconds()).isEqualTo(min);
                assertThat(b.maxSeconds()).isEqualTo(max);
                assertThat(b.inherited()).isFalse();
            });
        }
    }

    @Test
    void a_group_budget_reaches_sub_steps_without_one_of_their_own() throws Exception {
        Runbook rb = new RunbookParser().parse("g.md", """
                # R
                ## Phase 1: Contain (First 5 minutes)
                ### Stop traffic
                ```sh
                systemctl stop haproxy
                ```
                ### Drain queue (30 seconds)
                ```sh
                php artisan queue:clear
                ```
                ## Phase 2
                > **Time to Execute:** < 2 minutes
                ### Restart
                ```sh
                systemctl start haproxy
                ```
                """);
        Step stop = Fixtures.step(rb, "Stop traffic");
        assertThat(stop.budget().maxSeconds()).isEqualTo(300);
        assertThat(stop.budget().inherited()).isTrue();
        assertThat(stop.groupBudget().maxSeconds()).isEqualTo(300);
        Step drain = Fixtures.step(rb, "Drain queue");
        assertThat(drain.budget().maxSeconds()).isEqualTo(30);
        assertThat(drain.budget().inherited()).isFalse();
        assertThat(drain.groupBudget().maxSeconds()).isEqualTo(300);
        Step restart = Fixtures.step(rb, "Restart");
        assertThat(restart.budget().maxSeconds()).isEqualTo(120);
        assertThat(restart.budget().inherited()).isTrue();
    }
}
