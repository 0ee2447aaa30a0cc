package org.incidentconsole.runbook;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Ties a decision's answers to the sections they lead to: a link to an anchor ("#database-rollback", GitHub's
 * heading ids), or, for a menu, a heading later in the same procedure that names the answer's leading words
 * ("2. Database changes" ↔ "Phase 4: Database Rollback").
 */
final class Targets {
    private final List<Section> sections;
    private final Function<Section, Section> procedureRoot;
    private final Map<String, Section> bySlug = new HashMap<>();

    Targets(List<Section> sections, Function<Section, Section> procedureRoot) {
        this.sections = sections;
        this.procedureRoot = procedureRoot;
        Map<String, Integer> seen = new HashMap<>();
        for (Section s : sections) {
            if (s.level > 0) {
                String slug = slug(s.heading);
                int n = seen.merge(slug, 1, Integer::sum);
                bySlug.putIfAbsent(n == 1 ? slug : slug + "-" + (n - 1), s);
            }
        }
    }

    /** GitHub's heading id: lower case, punctuation and emoji dropped, spaces to hyphens. */
    static String slug(String heading) {
        String s = Normalizer.normalize(heading, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return s.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").strip().replace(' ', '-');
    }

    List<Decision> resolve(List<Decision> decisions, Section at) {
        List<Decision> out = new ArrayList<>();
        for (Decision d : decisions) {
            List<Decision.Answer> answers = new ArrayList<>();
            for (Decision.Answer a : d.answers()) {
                answers.add(new Decision.Answer(a.text(), a.target() != null && a.target().startsWith("#")
                        ? anchor(a.target().substring(1)) : named(a.text(), at)));
            }
            out.add(new Decision(d.question(), d.line(), answers));
        }
        return out;
    }

    private String anchor(String id) {
        Section s = bySlug.get(id.toLowerCase(Locale.ROOT));
        if (s == null) {
            s = bySlug.get(slug(id.replace('-', ' ')));
        }
        return s == null ? null : pathText(s);
    }

    /** A heading after {@code at}, in its procedure, naming the answer's first distinctive word. */
    private String named(String answer, Section at) {
        String lead = answer.replaceFirst("^\\s*\\d{1,2}[.)]\\s*", "").split("\\s+[-–—:(]\\s*|[,;(]")[0];
        Section root = procedureRoot.apply(at);
        List<Section> later = sections.stream().filter(s -> s.line > at.line && s.level > 0 && s != at
                && procedureRoot.apply(s) == root && root != null).toList();
        if (later.isEmpty()) {
            return null;
        }
        for (String word : lead.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 4) {
                continue;
            }
            List<Section> naming = later.stream().filter(s -> words(s.heading).contains(word)).toList();
            if (!naming.isEmpty() && naming.size() * 2 <= later.size()) {
                int top = naming.stream().mapToInt(s -> s.level).min().orElseThrow();
                return pathText(naming.stream().filter(s -> s.level == top).findFirst().orElseThrow());
            }
        }
        return null;
    }

    private static List<String> words(String heading) {
        return List.of(heading.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
    }

    private static String pathText(Section s) {
        return String.join(" › ", s.path);
    }
}
