package org.incidentconsole.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time budget from a heading or a step's first line: "(30 seconds)", "(2-5 minutes)", "(5 min - 10 min)",
 * "(Execute within 2 minutes)", "(T+2 minutes)", "(⏱️ 5-10 minutes)", "< 2 minutes", "(First 5 minutes)",
 * "**Time to Execute:** < 2 minutes", "(1-2 days)". Time windows and cadences ("last 24 hours", "every 5 minutes",
 * "since", "within the last", "> 30 min") are not budgets.
 */
final class BudgetParser {
    /** Unit words, longest first within a family; extend here. */
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("d", Duration.ofDays(1)), Map.entry("h", Duration.ofHours(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("s", Duration.ofSeconds(1)));
    private static final String UNIT = "(days?|d|tage?n?|jours?|días?|dias?|天|日|"
            + "hours?|hrs?|h|stunden?|std|heures?|horas?|小时|時間|시간|"
            + "minutes?|mins?|m|minuten?|minutos?|分钟|分間|分|분|"
            + "seconds?|secs?|s|sekunden?|sek|secondes?|segundos?|秒|초)(?![\\p{L}])";
    private static final String NUMBER = "(\\d{1,4}(?:[.,]\\d)?)";
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:" + NUMBER + "\\s*(?:" + UNIT + ")?\\s*(?:-|–|—|to|bis|à|a|~)\\s*)?" + NUMBER + "\\s*" + UNIT,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern IN_PARENS = Pattern.compile("[(（]([^()（）]{0,80}?)[)）]");
    private static final Pattern LESS_THAN = Pattern.compile("(?:<|≤|under\\s|less than\\s|up to\\s|max\\.?\\s)\\s*~?\\s*"
            + NUMBER + "\\s*" + UNIT, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LABEL = Pattern.compile("(?:time(?: to [a-z]+)?|budget|duration|timebox|eta|"
            + "estimated(?: time)?|expected(?: time)?|dauer|zeit|durée|temps|duración|tiempo|所要時間|时间|소요 시간)"
            + "\\s*\\**\\s*[:：]\\s*\\**\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TRAILING = Pattern.compile("(?:[-–—:|⏱]|⏱️)\\s*(?:~\\s*)?((?:" + NUMBER + "\\s*(?:"
            + UNIT + ")?\\s*(?:-|–|to)\\s*)?" + NUMBER + "\\s*" + UNIT + ")\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UP_TO_WORDS = Pattern.compile(
            "(?:\\b(?:within|first|under|max|up to|less than|at most|no more than|innerhalb|binnen|dans les|en moins de"
                    + "|dentro de|en menos de|t\\s*\\+)|<|≤|以内|以内に|이내)", Pattern.CASE_INSENSITIVE);
    /** Words that make an amount a time window or a cadence, never a budget. */
    private static final Pattern NOT_A_BUDGET = Pattern.compile(
            "(?:\\b(?:last|past|every|each|per|since|ago|older than|newer than|after|before|for the last|in the last"
                    + "|within the last|retention|retain|keep|interval|letzten|alle|depuis|derniers?|cada|últimos?"
                    + "|hace)\\b|>|≥|最近|每|毎|마다|前)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private BudgetParser() {
    }

    static Optional<Budget> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        text = text.replace("\uFE0F", "");
        Matcher parens = IN_PARENS.matcher(text);
        while (parens.find()) {
            Optional<Budget> found = amount(parens.group(1), false);
            if (found.isPresent()) {
                return found;
            }
        }
        Matcher label = LABEL.matcher(text);
        if (label.find()) {
            Optional<Budget> found = amount(text.substring(label.end()), false);
            if (found.isPresent()) {
                return found;
            }
        }
        Matcher less = LESS_THAN.matcher(text);
        if (less.find() && !NOT_A_BUDGET.matcher(text.substring(0, less.start())).find()) {
            return Optional.of(budget(null, null, less.group(1), less.group(2), true));
        }
        Matcher trailing = TRAILING.matcher(text.strip());
        if (trailing.find()) {
            return amount(trailing.group(1), false);
        }
        return Optional.empty();
    }

    /** The first amount in {@code inside}, unless the words before it make it a window or a cadence. */
    private static Optional<Budget> amount(String inside, boolean upTo) {
        Matcher m = AMOUNT.matcher(inside);
        if (!m.find()) {
            return Optional.empty();
        }
        String before = inside.substring(0, m.start());
        if (NOT_A_BUDGET.matcher(before).find() || NOT_A_BUDGET.matcher(inside.substring(m.end()).stripLeading()).lookingAt()) {
            return Optional.empty();
        }
        boolean within = upTo || UP_TO_WORDS.matcher(before).find();
        return Optional.of(budget(m.group(1), m.group(2), m.group(3), m.group(4), within));
    }

    private static Budget budget(String fromNumber, String fromUnit, String toNumber, String toUnit, boolean upTo) {
        Duration max = scaled(unit(toUnit), toNumber);
        if (fromNumber != null) {
            Duration min = scaled(fromUnit != null ? unit(fromUnit) : unit(toUnit), fromNumber);
            return min.compareTo(max) <= 0 ? new Budget(min, max) : new Budget(max, min);
        }
        return new Budget(upTo ? Duration.ZERO : max, max);
    }

    private static Duration scaled(Duration unit, String number) {
        double n = Double.parseDouble(number.replace(',', '.'));
        return Duration.ofMillis(Math.round(unit.toMillis() * n)).withNanos(0);
    }

    private static Duration unit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String[] family : FAMILIES) {
            for (int i = 1; i < family.length; i++) {
                if (w.startsWith(family[i])) {
                    return UNITS.get(family[0]);
                }
            }
        }
        return Duration.ofSeconds(1);
    }

    /** The first letters (or characters) of each unit's words, by family: day, hour, minute, second. */
    private static final List<String[]> FAMILIES = List.of(
            new String[]{"d", "day", "d", "tag", "jour", "día", "dia", "天", "日"},
            new String[]{"h", "hour", "hr", "h", "stund", "std", "heure", "hora", "小时", "時間", "시간"},
            new String[]{"m", "min", "m", "分", "분"},
            new String[]{"s", "sec", "s", "sek", "seg", "秒", "초"});
}
