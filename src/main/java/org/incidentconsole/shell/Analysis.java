package org.incidentconsole.shell;

import java.util.List;

/**
 * What a script runs: every simple command in source order (nested ones — in {@code $(…)}, {@code sh -c}, a
 * here-document fed to a shell or a database client — included), and its comments. {@code incomplete}: the parser
 * met text it could not read (it analysed what it could).
 */
public record Analysis(List<SimpleCommand> commands, List<Comment> comments, boolean incomplete) {
    public Analysis {
        commands = List.copyOf(commands);
        comments = List.copyOf(comments);
    }
}
