package org.incidentconsole.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Procedure;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Step;

/**
 * What an unattended walk is told on the command line: the procedure to walk (a case-insensitive part of its
 * heading), the alternative to take at each choice ("STEP=ALTERNATIVE", parts of the step's heading and the
 * alternative's label; the first alternative otherwise), the answer to each question ("QUESTION=ANSWER"; the
 * first answer otherwise) and how long a watch streams before it is ended as stable.
 */
record WalkOptions(String procedure, List<Pick> choose, List<Pick> answer, int watchSeconds) {
    static final int DEFAULT_WATCH_SECONDS = 10;

    WalkOptions {
        choose = List.copyOf(choose);
        answer = List.copyOf(answer);
    }

    static WalkOptions defaults() {
        return new WalkOptions(null, List.of(), List.of(), DEFAULT_WATCH_SECONDS);
    }

    /** One "WHERE=WHAT" option, both parts matched as case-insensitive substrings. */
    record Pick(String where, String what) {
        static Pick parse(String option, String text) throws BadOption {
            int eq = text == null ? -1 : text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new BadOption(option + " needs the form " + (option.equals("--choose") ? "\"STEP=ALTERNATIVE\""
                        : "\"QUESTION=ANSWER\"") + ", got: " + text);
            }
            return new Pick(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
        }
    }

    /** A command-line value the walk cannot use, in one sentence. */
    static final class BadOption extends Exception {
        BadOption(String message) {
            super(message);
        }
    }

    static List<Pick> picks(String option, List<String> texts) throws BadOption {
        List<Pick> out = new ArrayList<>();
        for (String t : texts == null ? List.<String>of() : texts) {
            out.add(Pick.parse(option, t));
        }
        return out;
    }

    /** The procedure named by {@code --procedure}, else the runbook's main one (empty when it has none). */
    Optional<Procedure> procedureOf(Runbook runbook) throws BadOption {
        if (procedure == null) {
            return runbook.mainProcedure();
        }
        return Optional.of(runbook.procedure(procedure).orElseThrow(() -> new BadOption("--procedure " + procedure
                + " matches no section of " + runbook.source() + "; its procedures: " + String.join(", ",
                runbook.procedures().stream().map(Procedure::name).toList()))));
    }

    /** Every --choose and --answer names a choice or question of the runbook and one of its alternatives/answers. */
    void check(Runbook runbook) throws BadOption {
        List<Step> all = runbook.allSteps();
        for (Pick p : choose) {
            Step choice = all.stream().filter(s -> !s.choices().isEmpty())
                    .filter(s -> contains(s.title(), p.where()) || contains(s.pathText(), p.where())).findFirst()
                    .orElseThrow(() -> new BadOption("--choose " + p.where() + "=" + p.what() + " matches no choice of "
                            + runbook.source() + "; its choices: " + String.join(", ", all.stream()
                            .filter(s -> !s.choices().isEmpty()).map(Step::title).toList())));
            alternativeFor(choice);
        }
        for (Pick p : answer) {
            Decision decision = all.stream().flatMap(s -> s.decisions().stream())
                    .filter(d -> contains(d.question(), p.where())).findFirst()
                    .orElseThrow(() -> new BadOption("--answer " + p.where() + "=" + p.what()
                            + " matches no question of " + runbook.source() + "; its questions: " + String.join(
                            ", ", all.stream().flatMap(s -> s.decisions().stream()).map(Decision::question)
                            .toList())));
            answerFor(decision);
        }
    }

    /** The alternative {@code --choose} names for this choice, else its first; empty when none matches. */
    Optional<Alternative> alternativeFor(Step choice) throws BadOption {
        for (Pick p : choose) {
            if (contains(choice.title(), p.where()) || contains(choice.pathText(), p.where())) {
                return Optional.of(choice.choices().stream().filter(a -> contains(a.label(), p.what())).findFirst()
                        .orElseThrow(() -> new BadOption("--choose " + p.where() + "=" + p.what()
                                + " matches no alternative of " + choice.title() + "; its alternatives: "
                                + String.join(", ", choice.choices().stream().map(Alternative::label).toList()))));
            }
        }
        return choice.choices().stream().findFirst();
    }

    /** The answer {@code --answer} gives this question, else its first. */
    Optional<Decision.Answer> answerFor(Decision decision) throws BadOption {
        for (Pick p : answer) {
            if (contains(decision.question(), p.where())) {
                return Optional.of(decision.answers().stream().filter(a -> contains(a.text(), p.what())).findFirst()
                        .orElseThrow(() -> new BadOption("--answer " + p.where() + "=" + p.what()
                                + " matches no answer of \"" + decision.question() + "\"; its answers: "
                                + String.join(", ", decision.answers().stream().map(Decision.Answer::text)
                                .toList()))));
            }
        }
        return decision.answers().stream().findFirst();
    }

    /** True when a --choose names this choice (else its first alternative is taken by default). */
    boolean named(Step choice) {
        return choose.stream().anyMatch(p -> contains(choice.title(), p.where())
                || contains(choice.pathText(), p.where()));
    }

    /** True when an --answer names this question (else its first answer is taken by default). */
    boolean named(Decision decision) {
        return answer.stream().anyMatch(p -> contains(decision.question(), p.where()));
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
