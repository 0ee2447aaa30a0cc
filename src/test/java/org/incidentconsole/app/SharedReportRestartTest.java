package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.testing.DurableRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordination Redis is SIGKILLed mid-incident and restarted from its append-only file. */
class SharedReportRestartTest {
    @TempDir
    Path dir;

    @Test
    void no_acknowledged_event_is_lost_or_repeated_in_any_consoles_merged_report() throws Exception {
        try (DurableRedis redis = DurableRedis.appendOnly(dir.resolve("redis"))) {
            CoordinationEndpoint endpoint = CoordinationEndpoint.plain("127.0.0.1", redis.port());
            try (SharingConsole jana = SharingConsole.start(dir.resolve("jana"), endpoint, "console-jana", "Jana",
                    "Redis goes away");
                 SharingConsole omar = SharingConsole.join(dir.resolve("omar"), endpoint, "console-omar", "Omar",
                         jana.session.state().started())) {
                List<String> acts = new ArrayList<>();
                SharedReportTest.together(jana, "before", omar, "early", 20).forEach(acts::addAll);
                jana.awaitShared();
                omar.awaitShared();
                SharedReportTest.together(jana, "flight", omar, "racing", 8).forEach(acts::addAll);

                redis.kill();
                SharedReportTest.together(jana, "down", omar, "dark", 8).forEach(acts::addAll);
                redis.start();
                SharedReportTest.together(jana, "after", omar, "later", 8).forEach(acts::addAll);

                int total = 2 + 1 + acts.size();
                jana.awaitCopy(total);
                omar.awaitCopy(total);
                jana.awaitShared();
                omar.awaitShared();

                assertThat(jana.copyEids()).containsAll(acts).doesNotHaveDuplicates().hasSize(total)
                        .isEqualTo(omar.copyEids());
                String report = jana.report();
                assertThat(omar.report()).isEqualTo(report);
                for (String tag : List.of("before", "early", "flight", "racing", "down", "dark", "after", "later")) {
                    assertThat(SharedReportTest.count(report, "Note by " + (tag.equals("early") || tag.equals("racing")
                            || tag.equals("dark") || tag.equals("later") ? "Omar" : "Jana") + ": " + tag + " note 4\n"))
                            .as("%s's note 4 once", tag).isEqualTo(1);
                }
                assertThat(SharedReportTest.count(report, "Note by")).isEqualTo(acts.size() / 4);
            }
        }
    }
}
