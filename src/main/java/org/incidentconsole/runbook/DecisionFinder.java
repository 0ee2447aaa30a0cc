package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the questions a runbook asks in its prose: {@code STOP → "…?"}, a numbered menu ending in
 * {@code Choose … (1-N):}, {@code (y/n)} and {@code (a/b/c)} prompts, "Decision Point:" with its list of answers,
 * and {@code If …, go to [section](#anchor)} lines. An answer's target is left as "#anchor" for the builder.
 */
final class DecisionFinder {
    private static final int UNICODE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern QUOTED = Pattern.compile("\\b(?:STOP|ASK|PROMPT|QUESTION|DECIDE|FRAGE|DEMANDER)\\b"
            + "[^\"“”\\n]{0,12}[\"“]([^\"“”\\n]{3,200})[\"”]", UNICODE);
    private static final Pattern MENU_PROMPT = Pattern.compile("(?:choose|select|pick|enter|option|wähle|wählen"
            + "|choisissez|choisir|elija|elige|escolha|选择|選択|선택)[^\\n()]{0,60}[(（]\\s*(\\d+)\\s*[-–~]\\s*(\\d+)\\s*[)）]",
            UNICODE);
    private static final Pattern MENU_ITEM = Pattern.compile("^\\s*(?:[-*+]\\s+)?\\[?(\\d{1,2})[.)\\]]\\s+(.+)$");
    private static final Pattern SLASHED = Pattern.compile("[(（]([^()（）/\\n]{1,30}(?:/[^()（）/\\n]{1,30}){1,7})[)）]"
            + "\\s*[:?？：]?\\s*[\"”]?\\s*$");
    private static final Pattern DECISION_POINT = Pattern.compile("^[\\s>*_#-]*(?:decision(?: point)?|entscheidung"
            + "|décision|decisión|判断|決定|결정)\\s*\\**\\s*[:：]\\s*\\**\\s*(.*)$", UNICODE);
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,2}[.)])\\s+(.+)$");
    private static final Pattern CONDITIONAL_LINK = Pattern.compile("\\b(?:if|when|in case|si|wenn|falls|如果|もし|만약)\\b"
            + "(.{1,160}?)[,:;]?\\s*(?:→|->|=>|go to|goto|see|continue (?:with|at)|jump to|proceed (?:to|with)|skip to"
            + "|follow|use|then)?[^\\[\\n]{0,30}\\[([^\\]]+)]\\(#([^)\\s]+)\\)", UNICODE);
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((#[^)\\s]+)\\)");

    private DecisionFinder() {
    }

    static List<Decision> find(List<Section.SourceLine> lines) {
        List<Decision> found = new ArrayList<>();
        Decision open = null;
        int openAt = -1;
        List<Decision.Answer> conditional = new ArrayList<>();
        int conditionalAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            Section.SourceLine line = lines.get(i);
            String text = line.text();
            Matcher quoted = QUOTED.matcher(text);
            Matcher menu = MENU_PROMPT.matcher(text);
            Matcher point = DECISION_POINT.matcher(text);
            Matcher conditionalLink = CONDITIONAL_LINK.matcher(text);
            if (conditionalLink.find()) {
                if (conditional.isEmpty()) {
                    conditionalAt = i;
                }
                conditional.add(new Decision.Answer(clean(conditionalLink.group(0).replaceAll(
                        "\\[([^\\]]+)]\\([^)]*\\)", "$1")), "#" + conditionalLink.group(3)));
                continue;
            }
            if (!conditional.isEmpty()) {
                found.add(new Decision(questionAbove(lines, conditionalAt), lines.get(conditionalAt).line(), conditional));
                conditional = new ArrayList<>();
            }
            if (quoted.find()) {
                String question = clean(quoted.group(1));
                open = new Decision(question, line.line(), slashed(question));
                openAt = found.size();
                found.add(open);
            } else if (menu.find()) {
                List<Decision.Answer> items = menuItems(lines, i, Integer.parseInt(menu.group(2)));
                if (open != null && open.answers().isEmpty() && openAt == found.size() - 1) {
                    found.set(openAt, new Decision(open.question(), open.line(), items));
                } else {
                    found.add(new Decision(clean(text), line.line(), items));
                }
                open = null;
            } else if (point.find()) {
                String question = clean(point.group(1));
                List<Decision.Answer> answers = listBelow(lines, i);
                found.add(new Decision(question.isEmpty() ? "Decision" : question, line.line(), answers));
                open = null;
            } else if (SLASHED.matcher(text).find() && (text.contains("?") || text.contains("？"))) {
                String question = clean(text);
                found.add(new Decision(question, line.line(), slashed(question)));
                open = null;
            }
        }
        if (!conditional.isEmpty()) {
            found.add(new Decision(questionAbove(lines, conditionalAt), lines.get(conditionalAt).line(), conditional));
        }
        return found;
    }

    /** "(critical/high/medium/low)" → four answers; "(y/n)" → yes, no. */
    static List<Decision.Answer> slashed(String question) {
        Matcher m = SLASHED.matcher(question);
        if (!m.find()) {
            return List.of();
        }
        List<Decision.Answer> answers = new ArrayList<>();
        for (String part : m.group(1).split("/")) {
            String a = part.strip();
            answers.add(new Decision.Answer(a.equalsIgnoreCase("y") ? "yes" : a.equalsIgnoreCase("n") ? "no" : a, null));
        }
        return answers;
    }

    private static List<Decision.Answer> menuItems(List<Section.SourceLine> lines, int prompt, int last) {
        List<Decision.Answer> items = new ArrayList<>();
        for (int i = prompt - 1; i >= 0 && prompt - i <= 3 * last + 6; i--) {
            Matcher m = MENU_ITEM.matcher(lines.get(i).text());
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n <= last && items.stream().noneMatch(a -> a.text().startsWith(n + ". "))) {
                    items.add(0, answer(n + ". " + m.group(2)));
                }
                if (n == 1) {
                    break;
                }
            }
        }
        return items;
    }

    private static List<Decision.Answer> listBelow(List<Section.SourceLine> lines, int from) {
        List<Decision.Answer> answers = new ArrayList<>();
        for (int i = from + 1; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (text.isBlank() && answers.isEmpty()) {
                continue;
            }
            Matcher m = LIST_ITEM.matcher(text);
            if (!m.find()) {
                break;
            }
            answers.add(answer(m.group(1)));
        }
        return answers;
    }

    private static Decision.Answer answer(String text) {
        Matcher link = LINK.matcher(text);
        String target = link.find() ? link.group(2) : null;
        return new Decision.Answer(clean(text.replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1")), target);
    }

    private static String questionAbove(List<Section.SourceLine> lines, int at) {
        for (int i = at - 1; i >= 0 && at - i <= 3; i--) {
            String t = lines.get(i).text().strip();
            if (t.endsWith("?") || t.endsWith(":") || t.endsWith("？") || t.endsWith("：")) {
                return clean(t);
            }
        }
        return "Which applies?";
    }

    private static String clean(String text) {
        return text.replaceAll("[*_`]", "").replaceFirst("^[\\s>#-]+", "").replaceAll("\\s+", " ").strip();
    }
}
