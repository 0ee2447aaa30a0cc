package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The panels' debounce: state changes only, one event per key per dwell, flaps counted into the next event. */
class PanelJournalEventsDebounceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** {@code seen}: "key:STATE@second" offers, or "flush@second"; {@code journaled}: "key from>to+flaps". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "the same state again is nothing; a:OK@0 a:OK@5 a:OK@60; a null>OK",
            "changes far apart are each journaled at once; a:OK@0 a:CRITICAL@5 a:OK@30; "
                    + "a null>OK | a OK>CRITICAL | a CRITICAL>OK",
            "a first change after first sight is not held; a:CRITICAL@0 a:OK@1; a null>CRITICAL | a CRITICAL>OK",
            "flapping within the dwell is folded into one event with its count; "
                    + "a:OK@0 a:CRITICAL@1 a:OK@2 a:CRITICAL@3 a:OK@4 a:WARNING@5 a:OK@20; "
                    + "a null>OK | a OK>CRITICAL | a CRITICAL>OK+4",
            "a held change goes out once the dwell passed, at any key's offer; a:OK@0 a:CRITICAL@1 a:OK@2 b:OK@12; "
                    + "a null>OK | a OK>CRITICAL | b null>OK | a CRITICAL>OK",
            "a held change not yet due waits; a:OK@0 a:CRITICAL@1 a:OK@2 b:OK@5; a null>OK | a OK>CRITICAL | b null>OK",
            "flush gives every held change at once; a:OK@0 a:CRITICAL@1 a:OK@3 flush@4; "
                    + "a null>OK | a OK>CRITICAL | a CRITICAL>OK",
            "back to its journaled state: nothing, the flaps go into its next change; "
                    + "a:OK@0 a:CRITICAL@1 a:OK@3 a:CRITICAL@4 flush@5 a:OK@40; "
                    + "a null>OK | a OK>CRITICAL | a CRITICAL>OK+2",
            "an incident's baseline ends the dwell of changes no journal heard; "
                    + "a:DOWN@0 a:UP@1 baseline@3 a:DOWN@5 a:UP@6 a:UP@20; "
                    + "a null>DOWN | a DOWN>UP | a null>UP | a UP>DOWN | a DOWN>UP",
            "keys are independent; a:OK@0 b:OK@0 a:CRITICAL@1 b:CRITICAL@2 a:OK@3 b:OK@30; "
                    + "a null>OK | b null>OK | a OK>CRITICAL | b OK>CRITICAL | a CRITICAL>OK | b CRITICAL>OK"})
    void journals_state_changes_only_with_flaps_counted(String rule, String seen, String journaled) {
        FlapDebounce<String, String> debounce = new FlapDebounce<>(Duration.ofSeconds(10));
        List<String> out = new ArrayList<>();
        for (String token : seen.strip().split(" ")) {
            int at = token.indexOf('@');
            Instant when = T0.plusSeconds(Long.parseLong(token.substring(at + 1)));
            List<FlapDebounce.Change<String, String>> changes = token.startsWith("flush")
                    ? debounce.flush(when)
                    : token.startsWith("baseline") ? debounce.baseline()
                    : debounce.offer(token.substring(0, token.indexOf(':')),
                    token.substring(token.indexOf(':') + 1, at), "v", when);
            changes.forEach(c -> out.add(c.key() + " " + c.from() + ">" + c.to()
                    + (c.flaps() > 0 ? "+" + c.flaps() : "")));
        }
        assertThat(out).as(rule).containsExactly(journaled.strip().split(" \\| "));
    }

    @Test
    void a_value_flapping_every_second_for_an_hour_gives_at_most_one_event_per_dwell() {
        FlapDebounce<String, String> debounce = new FlapDebounce<>(PanelJournal.DWELL);
        int events = 0;
        int flapsCounted = 0;
        for (int s = 0; s < 3600; s++) {
            for (var c : debounce.offer("web-01/api-health", s % 2 == 0 ? "OK" : "CRITICAL", "v", T0.plusSeconds(s))) {
                events++;
                flapsCounted += c.flaps();
            }
        }
        for (var c : debounce.flush(T0.plusSeconds(3600))) {
            events++;
            flapsCounted += c.flaps();
        }
        System.out.println("3600 state changes in an hour -> " + events + " journal events, " + flapsCounted
                + " flaps counted in them (dwell " + PanelJournal.DWELL.toSeconds() + " s)");
        assertThat(events).isLessThanOrEqualTo(2 + (int) (3600 / PanelJournal.DWELL.toSeconds()));
        assertThat(events - 1 + flapsCounted).as("every change is journaled or counted, none lost")
                .isGreaterThanOrEqualTo(3598);
    }
}
