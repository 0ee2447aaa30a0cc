package org.incidentconsole.incident;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentconsole.runbook.SuggestionSource.Shape;

/**
 * Values of a placeholder's shape picked from an earlier step's output, each with the rest of its line so the
 * operator sees what it is ("def5678 Previous stable version"): commit hashes from {@code git log --oneline},
 * tags from {@code git tag}, revisions from {@code kubectl rollout history}. One pattern per shape, in a table.
 */
public final class SuggestedValues {
    /** A value and the output line it was read from. */
    public record Suggestion(String value, String line) {
    }

    private static final Map<Shape, Pattern> SHAPES = Map.of(
            Shape.COMMIT, Pattern.compile("^\\s*\\*?\\s*(?:commit\\s+)?([0-9a-f]{7,40})\\b"),
            Shape.TAG, Pattern.compile("^\\s*([A-Za-z0-9][\\w.+/-]*)\\s*$"),
            Shape.REVISION, Pattern.compile("^\\s*(\\d{1,6})\\s+\\S"),
            Shape.BRANCH, Pattern.compile("^\\s*\\*?\\s*(?:remotes/)?([A-Za-z0-9][\\w./-]*)\\s*"
                    + "(?:\\s[0-9a-f]{7,40}\\b.*)?$"),
            Shape.IMAGE_TAG, Pattern.compile("[\\w./-]+:([\\w][\\w.-]{0,127})\\b"));

    private SuggestedValues() {
    }

    /** The distinct values of {@code shape} in {@code lines}, most recent output first as printed, at most 10. */
    public static List<Suggestion> from(Shape shape, List<String> lines) {
        Pattern p = SHAPES.get(shape);
        List<Suggestion> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : lines) {
            String text = line.startsWith("! ") ? line.substring(2) : line;
            Matcher m = p.matcher(text);
            if (m.find() && seen.add(m.group(1))) {
                out.add(new Suggestion(m.group(1), text.strip()));
                if (out.size() == 10) {
                    break;
                }
            }
        }
        return out;
    }
}
