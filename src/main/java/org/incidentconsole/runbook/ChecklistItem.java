package org.incidentconsole.runbook;

/** A task-list item; {@code parent} is the text of the item or list entry it is nested under, or null. */
public record ChecklistItem(int line, String text, boolean checked, int depth, String parent) {
}
