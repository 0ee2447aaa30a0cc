package org.incidentconsole.drill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' own stand-in for choosing an alternative (the parser's choice support is built elsewhere): the shell
 * blocks of one procedure's steps, and within a block the lines of the alternative an operator picks. A block's
 * alternatives start at comment labels ({@code # OPTION B…}, {@code # Or …}, {@code # OR}); when the first label
 * is an "or", the lines before it are the first alternative, else they are common to all.
 */
final class RunbookAlternatives {
    private static final Pattern STEP = Pattern.compile("(?m)^### ([^\\n]+)\\R```(?:bash|sh|shell)\\R(.*?)^```",
            Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("^\\s*#\\s*(option\\s+\\S+|or\\b).*",
            Pattern.CASE_INSENSITIVE);

    private RunbookAlternatives() {
    }

    /** Heading → shell block of each step under the level-2 heading containing {@code procedure}. */
    static Map<String, String> steps(String resource, String procedure) throws IOException {
        String text;
        try (InputStream in = RunbookAlternatives.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = text.indexOf(procedure);
        int end = text.indexOf("\n## ", start);
        String section = text.substring(start, end < 0 ? text.length() : end);
        Map<String, String> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(section);
        while (m.find()) {
            steps.put(m.group(1).strip(), m.group(2));
        }
        return steps;
    }

    /** The block's alternatives, each as its lines (the first line of each is its label). */
    static List<List<String>> alternatives(String block) {
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : block.lines().toList()) {
            if (LABEL.matcher(line).matches()) {
                parts.add(current);
                current = new ArrayList<>();
            }
            current.add(line);
        }
        parts.add(current);
        return parts;
    }

    /** The lines to run when the operator picks the alternative whose label contains {@code choice}. */
    static String choose(String block, String choice) {
        List<List<String>> parts = alternatives(block);
        boolean preambleIsAlternative = parts.size() > 1
                && parts.get(1).get(0).strip().substring(1).strip().toLowerCase(Locale.ROOT).startsWith("or");
        List<String> chosen = new ArrayList<>(preambleIsAlternative ? List.of() : parts.get(0));
        List<List<String>> options = preambleIsAlternative ? parts : parts.subList(1, parts.size());
        List<String> pick = options.stream()
                .filter(p -> p.stream().anyMatch(l -> l.strip().startsWith("#")
                        && l.toLowerCase(Locale.ROOT).contains(choice.toLowerCase(Locale.ROOT))))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no alternative labelled " + choice));
        chosen.addAll(pick);
        return String.join("\n", chosen) + "\n";
    }
}
