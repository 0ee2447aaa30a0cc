package org.incidentconsole.runbook;

/**
 * Where a placeholder's value can be picked from: an earlier step of the same procedure whose command prints
 * values of the placeholder's {@code shape} (e.g. {@code git log --oneline} prints commit hashes).
 *
 * @param token    the placeholder's token in this step
 * @param shape    what the value looks like
 * @param stepPath the earlier step's path text
 * @param line     the line of the earlier command
 * @param command  the earlier command as written
 */
public record SuggestionSource(String token, Shape shape, String stepPath, int line, String command) {
    public enum Shape {
        COMMIT,
        TAG,
        REVISION,
        BRANCH,
        IMAGE_TAG
    }
}
