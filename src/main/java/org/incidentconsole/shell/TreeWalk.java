package org.incidentconsole.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Walks one tree-sitter bash tree without recursion (a deeply nested script cannot overflow the stack) and hands
 * each simple command, with the redirections and pipeline input it gets, to {@link Unwrap}.
 */
final class TreeWalk {
    /** What a node inherits: the pipeline text before it, a here-document fed to it, redirections around it. */
    private record Feed(String input, Word heredoc, List<Redirect> redirects) {
        static final Feed NONE = new Feed("", null, List.of());
    }

    private record Item(TSNode node, Feed feed) {
    }

    /** Leaves and data: nothing inside them runs. */
    private static final Set<String> DATA = Set.of("raw_string", "string_content", "heredoc_body",
            "heredoc_start", "heredoc_end", "word", "number", "variable_name", "special_variable_name",
            "ansi_c_string", "file_descriptor", "test_operator", "regex", "extglob_pattern");

    /** A child node with its field name (null when none), read once through a cursor. */
    private record Child(TSNode node, String field, String type, boolean named) {
    }

    private final ShellParser.Context context;
    private final String text;
    private final int base;
    private final int depth;
    private final int[] byteToChar;
    private TSTreeCursor cursor;

    TreeWalk(ShellParser.Context context, String text, int base, int depth) {
        this.context = context;
        this.text = text;
        this.base = base;
        this.depth = depth;
        this.byteToChar = byteToChar(text);
    }

    /** tree-sitter counts UTF-8 bytes; the analysis counts Java chars. */
    private static int[] byteToChar(String text) {
        int[] map = new int[text.length() * 4 + 1];
        int b = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            for (int k = 0; k < n; k++) {
                map[b++] = i;
            }
            i += Character.charCount(cp);
        }
        map[b] = text.length();
        return map;
    }

    private int start(TSNode n) {
        return byteToChar[Math.min(n.getStartByte(), byteToChar.length - 1)];
    }

    private int end(TSNode n) {
        return Math.max(start(n), byteToChar[Math.min(n.getEndByte(), byteToChar.length - 1)]);
    }

    private String slice(TSNode n) {
        return text.substring(start(n), end(n));
    }

    private Word word(TSNode n) {
        int from = start(n);
        String raw = text.substring(from, Math.max(from, byteToChar[Math.min(n.getEndByte(), byteToChar.length - 1)]));
        int at = base + from;
        return new Word(Unquote.value(raw), raw, at, context.lineOf(at), Unquote.isQuoted(raw));
    }

    /**
     * The children of a node. Through a cursor: {@code TSNode.getChild(i)} walks from the first child each time,
     * which made a script of many commands quadratic.
     */
    private List<Child> children(TSNode node) {
        if (cursor == null) {
            cursor = new TSTreeCursor(node);
        } else {
            cursor.reset(node);
        }
        List<Child> out = new ArrayList<>();
        if (cursor.gotoFirstChild()) {
            do {
                TSNode child = cursor.currentNode();
                out.add(new Child(child, cursor.currentFieldName(), child.getType(), child.isNamed()));
            } while (cursor.gotoNextSibling());
        }
        return out;
    }

    void walk(TSNode root) {
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(new Item(root, Feed.NONE));
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            TSNode node = item.node();
            String type = node.getType();
            switch (type) {
                case "comment" -> comment(node);
                case "command" -> command(node, item.feed(), stack);
                case "redirected_statement" -> redirected(node, item.feed(), stack);
                case "pipeline" -> pipeline(node, item.feed(), stack);
                default -> {
                    if (DATA.contains(type)) {
                        continue;
                    }
                    if (node.isError() || node.isMissing()) {
                        context.incomplete = true;
                    }
                    pushChildren(node, Feed.NONE, stack);
                }
            }
        }
    }

    private void pushChildren(TSNode node, Feed feed, Deque<Item> stack) {
        List<Child> children = children(node);
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i).named() && !DATA.contains(children.get(i).type())) {
                stack.push(new Item(children.get(i).node(), feed));
            }
        }
    }

    private void comment(TSNode node) {
        int at = start(node);
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        boolean ownLine = text.substring(lineStart, at).isBlank();
        context.comments.add(new Comment(slice(node), base + at, context.lineOf(base + at), ownLine));
    }

    private void redirected(TSNode node, Feed feed, Deque<Item> stack) {
        List<Redirect> redirects = new ArrayList<>(feed.redirects());
        List<Child> children = children(node);
        TSNode body = null;
        String owner = null;
        for (Child c : children) {
            if ("body".equals(c.field())) {
                body = c.node();
                if (c.type().equals("command")) {
                    for (Child part : children(body)) {
                        if ("name".equals(part.field())) {
                            owner = Unquote.value(slice(part.node()));
                        }
                    }
                }
            }
        }
        for (Child c : children) {
            if ("body".equals(c.field())) {
                continue;
            }
            if (c.type().endsWith("_redirect")) {
                redirects.add(redirect(c.node(), owner, stack));
            } else if (c.named()) {
                stack.push(new Item(c.node(), Feed.NONE));
            }
        }
        if (body != null && !body.isNull()) {
            stack.push(new Item(body, new Feed(feed.input(), feed.heredoc(), redirects)));
        }
    }

    private void pipeline(TSNode node, Feed feed, Deque<Item> stack) {
        List<TSNode> stages = new ArrayList<>();
        for (Child c : children(node)) {
            if (c.named() && !c.type().equals("comment")) {
                stages.add(c.node());
            }
        }
        int from = start(node);
        for (int i = stages.size() - 1; i >= 0; i--) {
            TSNode stage = stages.get(i);
            boolean first = i == 0;
            String before = feed.input() + text.substring(from, start(stage));
            List<Redirect> redirects = feed.redirects().stream()
                    .filter(r -> first == r.operator().contains("<")).toList();
            stack.push(new Item(stage, new Feed(before, first ? feed.heredoc() : null, redirects)));
        }
    }

    private void command(TSNode node, Feed feed, Deque<Item> stack) {
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>(feed.redirects());
        List<Item> nested = new ArrayList<>();
        String name = "";
        for (Child c : children(node)) {
            TSNode child = c.node();
            String field = c.field();
            if ("name".equals(field)) {
                Word w = word(child);
                words.add(0, w);
                name = w.text();
                if (mayRun(w.raw())) {
                    nested.add(new Item(child, Feed.NONE));
                }
            } else if ("argument".equals(field)) {
                Word w = word(child);
                words.add(w);
                if (!DATA.contains(c.type()) && mayRun(w.raw())) {
                    nested.add(new Item(child, Feed.NONE));
                }
            } else if (c.type().endsWith("_redirect")) {
                redirects.add(redirect(child, name, stack));
            } else if (c.named()) {
                nested.add(new Item(child, Feed.NONE));
            }
        }
        for (int i = nested.size() - 1; i >= 0; i--) {
            stack.push(nested.get(i));
        }
        if (words.isEmpty()) {
            return;
        }
        Word heredoc = feed.heredoc();
        for (Redirect r : redirects) {
            if (r.isHeredoc()) {
                heredoc = r.target();
            }
        }
        String source = slice(node).replaceAll("\\\\\\r?\\n[ \\t]*", " ");
        new Unwrap(context, depth).command(words, redirects, feed.input(), heredoc, source, base + start(node));
    }

    /** Whether a word can hold a command: {@code $(…)}, {@code `…`}, {@code <(…)}, {@code >(…)}. */
    private static boolean mayRun(String raw) {
        return raw.indexOf('$') >= 0 || raw.indexOf('`') >= 0 || raw.indexOf('(') >= 0;
    }

    /**
     * @param owner the command the redirection belongs to, when known: text after a here-document's start (the rest
     *              of its line, e.g. {@code | bash}) is walked, and fed the body when the owner is {@code cat}
     */
    private Redirect redirect(TSNode node, String owner, Deque<Item> stack) {
        StringBuilder op = new StringBuilder();
        Word target = null;
        Word body = null;
        List<TSNode> rest = new ArrayList<>();
        for (Child c : children(node)) {
            TSNode child = c.node();
            String type = c.type();
            String field = c.field();
            if (!c.named() || type.equals("file_descriptor")) {
                op.append(slice(child));
            } else if (type.equals("heredoc_body")) {
                String raw = slice(child);
                int at = base + start(child);
                body = new Word(raw, raw, at, context.lineOf(at), true);
            } else if (type.equals("heredoc_start")) {
                target = word(child);
            } else if ("destination".equals(field) || target == null && !type.equals("heredoc_end")
                    && !type.endsWith("statement") && !type.equals("pipeline") && !type.equals("list")
                    && !type.equals("command")) {
                target = word(child);
                stack.push(new Item(child, Feed.NONE));
            } else if (!type.equals("heredoc_end")) {
                rest.add(child);
            }
        }
        Word fed = body != null && owner != null && (owner.equals("cat") || owner.endsWith("/cat")) ? body : null;
        for (TSNode n : rest) {
            stack.push(new Item(n, new Feed(slice(node), fed, List.of())));
        }
        if (body != null) {
            return new Redirect(op.toString().strip(), body);
        }
        Word t = target != null ? target : new Word("", "", base + end(node), context.lineOf(base + end(node)), false);
        return new Redirect(op.toString().strip(), t);
    }
}
