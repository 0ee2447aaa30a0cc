package org.incidentconsole.runbook;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words authors use to offer alternatives, as data: labels of sibling headings ("Option B", "A)", "方法 2"),
 * parents that ask for a choice ("Choose the appropriate level"), and comment lines inside one block
 * ("# OPTION B: …", "# Or if you tagged…", a bare "# OR", "-- or", "REM or").
 */
final class AlternativeLabels {
    /** Nouns that, followed by an id, label one alternative. Extend here. */
    private static final List<String> NOUNS = List.of("option", "opt", "method", "scenario", "alternative",
            "approach", "plan", "variant", "strategy", "choice", "workaround", "solution", "lösung", "solución", "solução",
            "variante", "opción", "opcion", "opção", "opcao", "méthode", "methode", "möglichkeit", "weg", "scénario",
            "metodo", "método", "方法", "方案", "选项", "選項", "选择", "选择", "場合", "ケース", "選択肢", "オプション",
            "パターン", "옵션", "방법", "대안", "시나리오", "경우", "вариант", "способ", "opcja", "sposób");
    private static final String ID = "(?:(?-i:[A-Z])|\\d{1,2}|(?-i:[IVX]{1,4})|[一二三四五六七八九十]|[①-⑩])";
    private static final Pattern NOUN_LABEL = Pattern.compile("^(?:" + String.join("|", NOUNS) + ")\\s*(?:#|no\\.?)?\\s*"
            + ID + "(?=$|[\\s:：.)\\-–—,])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ALTERNATIVELY = Pattern.compile("^(?:alternatively|alternative|alternativ(?:ement)?"
            + "|alternativamente)\\b\\s*[:,]?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTER_PAREN = Pattern.compile("^\\(?[A-H]\\)\\s+\\S");
    private static final Pattern ORDINAL = Pattern.compile("^\\(?(?:[A-H]|\\d{1,2})[.)]\\s+\\S");
    private static final Pattern CONDITION = Pattern.compile("^(?:if|when|in case|si|wenn|falls|se|如果|若|もし|만약)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Leading words of siblings that name the means ("Using Helm", "Via the console"): variants of one action. */
    private static final Pattern MEANS = Pattern.compile("^(?:using|via|with|through|mit|über|con|avec|par|usando"
            + "|mediante)\\s", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern OR_LINE = Pattern.compile("^(?:or|oder|ou|o bien|o|ó|或者|或|または|もしくは|또는|혹은|или|lub"
            + "|otherwise|else)\\b(?!-)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PARENT = Pattern.compile("\\b(?:choose|select|pick|either|one of|whichever|depending on"
            + "|alternatives|options|methods|approaches|scenarios|strategies|consider|wählen|wähle|entweder"
            + "|choisir|choisissez|soit|elegir|elija|escoja|escolha|opciones|alternativas|optionen|varianten)\\b"
            + "|选择|選択|選んで|任选|선택|택일|выберите", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** A numbered step comment ("# 2. Rollback code", "# Step 3"): it ends a group of alternatives. */
    private static final Pattern STEP_COMMENT = Pattern.compile("^(?:\\d{1,2}[.):]\\s|step\\s*\\d|schritt\\s*\\d"
            + "|étape\\s*\\d|paso\\s*\\d|第.{1,3}步|ステップ\\s*\\d|단계\\s*\\d)", Pattern.CASE_INSENSITIVE);
    /** Line comment markers per language; a language not listed tries them all. */
    private static final Map<String, List<String>> COMMENTS = Map.ofEntries(
            Map.entry("sql", List.of("--", "#")), Map.entry("psql", List.of("--")), Map.entry("mysql", List.of("--", "#")),
            Map.entry("plsql", List.of("--")), Map.entry("lua", List.of("--")), Map.entry("haskell", List.of("--")),
            Map.entry("js", List.of("//")), Map.entry("javascript", List.of("//")), Map.entry("ts", List.of("//")),
            Map.entry("typescript", List.of("//")), Map.entry("java", List.of("//")), Map.entry("go", List.of("//")),
            Map.entry("c", List.of("//")), Map.entry("cpp", List.of("//")), Map.entry("csharp", List.of("//")),
            Map.entry("cs", List.of("//")), Map.entry("rust", List.of("//")), Map.entry("kotlin", List.of("//")),
            Map.entry("php", List.of("//", "#")), Map.entry("groovy", List.of("//")), Map.entry("scala", List.of("//")),
            Map.entry("bat", List.of("REM", "::")), Map.entry("batch", List.of("REM", "::")),
            Map.entry("cmd", List.of("REM", "::")), Map.entry("dos", List.of("REM", "::")));
    private static final List<String> ALL_COMMENTS = List.of("#", "//", "--", "REM", "::", ";");

    private AlternativeLabels() {
    }

    /** A sibling heading that labels itself as one alternative ("Option A: …", "A) …", "Scenario 2 – …"). */
    static boolean isLabel(String heading) {
        String h = bare(heading);
        return NOUN_LABEL.matcher(h).find() || LETTER_PAREN.matcher(h).find() || ALTERNATIVELY.matcher(h).find();
    }

    /** A sibling heading that is a condition ("If the migration failed"): with another one, a choice. */
    static boolean isCondition(String heading) {
        return CONDITION.matcher(bare(heading)).find();
    }

    /** A sibling heading that names a means ("Using Helm", "With kubectl"): with another one, a choice. */
    static boolean isMeans(String heading) {
        return MEANS.matcher(bare(heading)).find();
    }

    /** A numbered or lettered heading ("1. …", "B. …"): an alternative only under a parent that asks to choose. */
    static boolean isOrdinal(String heading) {
        return ORDINAL.matcher(bare(heading)).find();
    }

    static boolean asksToChoose(String words) {
        return PARENT.matcher(words).find();
    }

    static boolean isStepComment(String commentText) {
        return STEP_COMMENT.matcher(commentText).find();
    }

    /** The text of a whole-line comment in {@code language}, or null when the line is not one. */
    static String comment(String line, String language) {
        String s = line.strip();
        for (String marker : COMMENTS.getOrDefault(language, language.isEmpty() || FenceInfo.parse(language).shell()
                ? List.of("#") : ALL_COMMENTS)) {
            boolean word = Character.isLetter(marker.charAt(0));
            if (word ? s.regionMatches(true, 0, marker, 0, marker.length())
                    && (s.length() == marker.length() || s.charAt(marker.length()) == ' ') : s.startsWith(marker)) {
                if (marker.equals("#") && s.startsWith("#!")) {
                    return null;
                }
                return s.substring(marker.length()).replaceFirst("^[#/\\-:;\\s]+", "").strip();
            }
        }
        return null;
    }

    /** A comment that opens an alternative with a label ("OPTION B: …", "Alternatively, …", "A) …"). */
    static boolean isLabelComment(String text) {
        return NOUN_LABEL.matcher(text).find() || ALTERNATIVELY.matcher(text).find()
                || LETTER_PAREN.matcher(text).find();
    }

    /** A comment that offers the next lines instead of the previous ones ("OR", "Or if you tagged…"). */
    static boolean isOrComment(String text) {
        return OR_LINE.matcher(text).find();
    }

    /** Whether an "or" comment is only the word, with nothing to name the alternative. */
    static boolean isBareOr(String text) {
        return text.replaceAll("[\\s:.,…-]", "").length() <= 4 && isOrComment(text);
    }

    /** The heading without leading emoji, symbols and markup. */
    static String bare(String heading) {
        return heading.replaceFirst("^[^\\p{L}\\p{N}(\\[]+", "").strip();
    }
}
