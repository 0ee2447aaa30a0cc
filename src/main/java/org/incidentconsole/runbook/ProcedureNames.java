package org.incidentconsole.runbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Words that mark a top-level section as a procedure to walk rather than reference, in several languages. */
final class ProcedureNames {
    private static final List<String> WORDS = List.of("procedure", "rollback", "roll back", "recovery", "recover",
            "restore", "workflow", "runbook", "playbook", "steps", "failover", "mitigation", "remediation",
            "emergency", "revert", "procédure", "retour arrière", "procedimiento", "reversión", "verfahren",
            "zurücksetzen", "wiederherstellung", "手順", "ロールバック", "回滚", "步骤", "롤백", "절차");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\b(trigger|contact|escalation|reference|severity|matrix|template|criteria|checklist|resources"
                    + "|diagnos|alternatives|testing|notes?)\\b");

    private ProcedureNames() {
    }

    static boolean soundsLikeProcedure(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(n::contains) && !REFERENCE.matcher(n).find();
    }

    static Optional<Procedure> main(List<Procedure> procedures) {
        List<Procedure> runnable = procedures.stream().filter(ProcedureNames::runs).toList();
        return runnable.stream().filter(p -> soundsLikeProcedure(p.name())).findFirst()
                .or(() -> runnable.stream().findFirst())
                .or(() -> procedures.stream().findFirst());
    }

    private static boolean runs(Procedure p) {
        return p.steps().stream().anyMatch(s -> s.kind() == StepKind.RUN || s.kind() == StepKind.CHOICE);
    }
}
