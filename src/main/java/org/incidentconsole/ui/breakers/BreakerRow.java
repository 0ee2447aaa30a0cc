package org.incidentconsole.ui.breakers;

import java.time.Duration;
import java.util.Locale;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.TrackedBreaker;

/** One breaker line as shown: plain values, rebuilt on each poll. */
public record BreakerRow(String source, String service, BreakerState state, String failures, String openFor,
                         boolean stuck, String error) {
    static BreakerRow of(String source, TrackedBreaker v) {
        var b = v.breaker();
        return new BreakerRow(source, b.service(), b.state(), b.failures() == null ? "—" : String.valueOf(b.failures()),
                v.openFor() == null ? "—" : human(v.openFor()), v.stuckOpen(), b.error() == null ? "" : b.error());
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min" : s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    public String stateText() {
        String text = state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return stuck ? text + " · STUCK" : text;
    }
}
