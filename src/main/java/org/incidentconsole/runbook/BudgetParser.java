package org.incidentconsole.runbook;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time budget from a heading or a step's first line: "(30 seconds)", "(2-5 minutes)",
 * "(Execute within 2 minutes)", "(T+2 minutes)", "(⏱️ 5-10 minutes)", "< 2 minutes", "(First 5 minutes)".
 */
final class BudgetParser {
    private static final String AMOUNT = "(?:(\\d{1,4})\\s*(?:-|–|—|to)\\s*)?(\\d{1,4})\\s*"
            + "(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\\b";
    private static final Pattern IN_PARENS = Pattern.compile("\\(([^()]{0,80}?)\\)");
    private static final Pattern AMOUNT_PATTERN = Pattern.compile(AMOUNT, Pattern.CASE_INSENSITIVE);
    private static final Pattern LESS_THAN = Pattern.compile("(?:<|≤|under\\s)\\s*" + AMOUNT, Pattern.CASE_INSENSITIVE);
    private static final Pattern UP_TO_WORDS = Pattern.compile("\\b(within|first|under|max|up to|less than|t\\s*\\+)",
            Pattern.CASE_INSENSITIVE);

    private BudgetParser() {
    }

    static Optional<Budget> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher parens = IN_PARENS.matcher(text);
        while (parens.find()) {
            String inside = parens.group(1);
            Matcher amount = AMOUNT_PATTERN.matcher(inside);
            if (amount.find()) {
                boolean upTo = UP_TO_WORDS.matcher(inside).find() || inside.stripLeading().startsWith("<");
                return Optional.of(budget(amount, upTo));
            }
        }
        Matcher less = LESS_THAN.matcher(text);
        if (less.find()) {
            return Optional.of(budget(less, true));
        }
        return Optional.empty();
    }

    private static Budget budget(Matcher m, boolean upTo) {
        Duration unit = unit(m.group(3));
        Duration max = unit.multipliedBy(Long.parseLong(m.group(2)));
        if (m.group(1) != null) {
            return new Budget(unit.multipliedBy(Long.parseLong(m.group(1))), max);
        }
        return new Budget(upTo ? Duration.ZERO : max, max);
    }

    private static Duration unit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("h")) {
            return Duration.ofHours(1);
        }
        if (w.startsWith("m")) {
            return Duration.ofMinutes(1);
        }
        return Duration.ofSeconds(1);
    }
}
