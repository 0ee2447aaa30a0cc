package org.incidentconsole.ui.timeline;

/**
 * What a step event holds beyond its line: the command as it ran and, once it finished, its output as journaled
 * (redacted before it was written).
 *
 * @param output the output, or why there is none; null for a step that only started
 */
public record TimelineDetail(String title, String command, String output) {
}
