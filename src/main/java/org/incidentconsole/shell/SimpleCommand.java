package org.incidentconsole.shell;

import java.util.List;
import java.util.Locale;

/**
 * One command as it will run, wrappers taken off ({@code sudo -u x}, {@code env A=b}, {@code timeout 5},
 * {@code xargs}, {@code kubectl exec … --}, {@code ssh host} …): its words (the command word first), redirections
 * and, for a stage of a pipeline, the source text of the stages before it ({@code input}, else empty).
 * For {@link Language#SQL} the words are one statement's tokens (keywords in upper case), for
 * {@link Language#REDIS} a Redis command's words. {@code source}: the text of the command as the operator wrote
 * it, continuations joined; {@code wrappers}: the words of the wrappers taken off, outermost first.
 */
public record SimpleCommand(Language language, List<Word> words, List<Redirect> redirects, String input,
                            String source, int offset, int line, List<String> wrappers) {
    public SimpleCommand {
        words = List.copyOf(words);
        redirects = List.copyOf(redirects);
        wrappers = List.copyOf(wrappers);
    }

    /** The command word without its directory ({@code /usr/bin/rm} is {@code rm}); SQL and Redis in upper case. */
    public String name() {
        if (words.isEmpty()) {
            return "";
        }
        String w = words.get(0).text();
        if (language != Language.SHELL) {
            return w.toUpperCase(Locale.ROOT);
        }
        int slash = w.lastIndexOf('/');
        return slash >= 0 && slash < w.length() - 1 ? w.substring(slash + 1) : w;
    }

    /** The words after the command word. */
    public List<Word> arguments() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }
}
