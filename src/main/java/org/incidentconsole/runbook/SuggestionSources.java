package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.incidentconsole.runbook.SuggestionSource.Shape;

/**
 * Which earlier step prints values a placeholder wants: two tables, what a placeholder looks like (from its name,
 * hint, token and line) and what a command prints.
 */
final class SuggestionSources {
    private record Want(Shape shape, Pattern words) {
    }

    /** {@code words}: one of them must be in the line before the pattern is tried (long lines stay cheap). */
    private record Producer(Shape shape, Pattern command, List<String> words) {
        boolean matches(String line) {
            return words.stream().anyMatch(line::contains) && command.matcher(line).find();
        }
    }

    private static final List<Want> WANTS = List.of(
            new Want(Shape.REVISION, Pattern.compile("revision|\\brev\\b|--to-revision", Pattern.CASE_INSENSITIVE)),
            new Want(Shape.COMMIT, Pattern.compile("commit|\\bhash\\b|\\bsha\\b|^[0-9a-f]{7,40}$",
                    Pattern.CASE_INSENSITIVE)),
            new Want(Shape.IMAGE_TAG, Pattern.compile("image", Pattern.CASE_INSENSITIVE)),
            new Want(Shape.TAG, Pattern.compile("\\btag\\b|release|version|_tag\\b|-tag\\b", Pattern.CASE_INSENSITIVE)),
            new Want(Shape.BRANCH, Pattern.compile("branch", Pattern.CASE_INSENSITIVE)));
    private static final List<Producer> PRODUCERS = List.of(
            new Producer(Shape.COMMIT, Pattern.compile("\\bgit\\s+(?:log|reflog|rev-parse|rev-list|show-ref)\\b"),
                    List.of("git")),
            new Producer(Shape.TAG, Pattern.compile("\\bgit\\s+(?:tag|describe)\\b|\\bgit\\s+ls-remote\\s+--tags"),
                    List.of("git")),
            new Producer(Shape.REVISION, Pattern.compile("\\b(?:kubectl|oc)\\s+rollout\\s+history\\b|\\bhelm\\s+history\\b"
                    + "|\\balembic\\s+(?:history|heads|current)\\b"), List.of("history", "alembic")),
            new Producer(Shape.BRANCH, Pattern.compile("\\bgit\\s+branch\\b"), List.of("git")),
            new Producer(Shape.IMAGE_TAG, Pattern.compile("\\b(?:docker|podman)\\s+images?\\b|\\bcrane\\s+ls\\b"),
                    List.of("image", "crane")));

    private SuggestionSources() {
    }

    /** What the steps met so far in one procedure print, by shape: built as the steps are made, read per step. */
    static final class Index {
        private final Map<Shape, List<SuggestionSource>> byShape = new EnumMap<>(Shape.class);

        /** Remembers the producing commands of {@code step} for the steps after it. */
        void add(Step step) {
            for (CodeBlock block : step.shellBlocks()) {
                String[] lines = block.script().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    for (Producer producer : PRODUCERS) {
                        if (producer.matches(line)) {
                            byShape.computeIfAbsent(producer.shape(), k -> new ArrayList<>()).add(
                                    new SuggestionSource(null, producer.shape(), step.pathText(), block.line() + 1 + i,
                                            line));
                        }
                    }
                }
            }
        }

        /** Sources among the steps added so far for each of {@code step}'s placeholders. */
        List<SuggestionSource> find(Step step) {
            List<SuggestionSource> found = new ArrayList<>();
            if (byShape.isEmpty()) {
                return found;
            }
            for (Placeholder p : step.placeholders()) {
                Shape shape = shapeOf(p, lineOf(step, p));
                for (SuggestionSource s : shape == null ? List.<SuggestionSource>of()
                        : byShape.getOrDefault(shape, List.of())) {
                    found.add(new SuggestionSource(p.token(), shape, s.stepPath(), s.line(), s.command()));
                }
            }
            return found;
        }
    }

    static Shape shapeOf(Placeholder p, String line) {
        String said = (p.name() + " " + (p.hint() == null ? "" : p.hint())).toLowerCase(Locale.ROOT);
        for (Want want : WANTS) {
            if (want.words().matcher(said).find() || want.words().matcher(p.token()).find()) {
                return want.shape();
            }
        }
        for (Want want : WANTS) {
            if (want.words().matcher(line).find()) {
                return want.shape();
            }
        }
        return null;
    }

    private static String lineOf(Step step, Placeholder p) {
        for (CodeBlock b : step.shellBlocks()) {
            String[] lines = b.script().split("\n", -1);
            int i = p.line() - b.line() - 1;
            if (i >= 0 && i < lines.length && b.placeholders().contains(p)) {
                return lines[i];
            }
        }
        return "";
    }
}
