package org.incidentconsole.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.incidentconsole.redact.Redactor;

/**
 * Keeps a channel's secrets (its webhook URL, secret header values) out of what the console says: a server's body
 * that echoes the URL, an exception message that names it. Removes the whole URL, its path and query, each long
 * path segment and query value, and each secret value; then the redactor's rules run.
 */
final class SecretMask {
    static final String HIDDEN = "…";
    private static final Redactor REDACTOR = new Redactor();
    private static final int SHORTEST_PART = 6;

    private final List<String> secrets;

    SecretMask(String url, List<String> values) {
        List<String> all = new ArrayList<>();
        if (url != null) {
            all.add(url);
            URI uri = parse(url);
            if (uri != null) {
                addParts(all, uri);
            }
        }
        values.stream().filter(v -> v != null && !v.isBlank()).forEach(all::add);
        all.removeIf(s -> s.length() < SHORTEST_PART);
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(all);
    }

    String clean(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, HIDDEN);
        }
        return REDACTOR.scrub(out);
    }

    /** {@code https://hooks.slack.com/…}: scheme and host only; null if the text is no absolute URL. */
    static String masked(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + "/" + HIDDEN;
    }

    static URI parse(String url) {
        try {
            return new URI(url.trim());
        } catch (Exception e) {
            return null;
        }
    }

    private static void addParts(List<String> all, URI uri) {
        for (String raw : List.of(nonNull(uri.getRawPath()), nonNull(uri.getPath()))) {
            all.add(raw);
            all.addAll(List.of(raw.split("/")));
        }
        for (String q : List.of(nonNull(uri.getRawQuery()), nonNull(uri.getQuery()))) {
            all.add(q);
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                all.add(eq < 0 ? pair : pair.substring(eq + 1));
            }
        }
        all.add(nonNull(uri.getRawUserInfo()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
