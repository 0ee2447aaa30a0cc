package org.incidentconsole.runbook;

import java.util.List;
import org.commonmark.node.FencedCodeBlock;

/** Builds a {@link CodeBlock} from a fence: shell ones get labels, placeholders, env vars and dangers. */
final class CodeBlocks {
    private CodeBlocks() {
    }

    static CodeBlock of(FencedCodeBlock fence, int fenceLine, List<Problem> problems) {
        FenceInfo info = FenceInfo.parse(fence.getInfo());
        String literal = fence.getLiteral() == null ? "" : fence.getLiteral();
        if (literal.endsWith("\n")) {
            literal = literal.substring(0, literal.length() - 1);
        }
        if (fence.getClosingFenceLength() == null) {
            problems.add(Problem.error(fenceLine, "unterminated code fence: everything after it is read as code"));
        }
        int first = fenceLine + 1;
        boolean runnable = info.shell() || info.language().isEmpty() && ShellText.looksLikeShell(literal);
        if (!runnable) {
            return new CodeBlock(fenceLine, info.language(), info.name(), literal, false, null, List.of(), List.of(),
                    List.of(), List.of(), List.of());
        }
        String script = info.console() || (info.language().isEmpty() && literal.stripLeading().startsWith("$ "))
                ? ShellText.consoleScript(literal) : literal;
        return new CodeBlock(fenceLine, info.language().isEmpty() ? "sh" : info.language(), info.name(), literal, true,
                script, ShellText.labels(script, first), PlaceholderFinder.placeholders(script, first),
                PlaceholderFinder.environmentVariables(script),
                DangerDetector.dangers(script, first, info.attributes().get("danger")),
                ShellText.alternatives(script, first));
    }
}
