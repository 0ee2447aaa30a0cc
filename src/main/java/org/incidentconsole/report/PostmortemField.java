package org.incidentconsole.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The postmortem's fields as the journal names them ({@code FieldSet.field}): the vocabulary the Postmortem pane
 * writes and the report reads. {@code aliases}: older names that mean the same field, read but never written.
 */
public enum PostmortemField {
    SUMMARY("summary", "Summary", "What happened, in a few sentences"),
    IMPACT("impact", "Impact", "Who or what was affected, and how many users or requests", "user-impact"),
    DETECTION("detection", "Detection", "How the problem was noticed, and by whom or what"),
    DETECTED_AT("detected-at", "Detection time", "When the problem was first noticed (UTC, e.g. 2026-11-23T16:51:30Z)"),
    TRIGGER("trigger", "Trigger", "The change or event that set it off"),
    ROOT_CAUSE("root-cause", "Root cause", "Why it could happen"),
    CONTRIBUTING_FACTORS("contributing-factors", "Contributing factors", "What made it worse or slower to fix"),
    RESOLUTION("resolution", "Resolution", "What restored service"),
    WENT_WELL("went-well", "What went well", "What helped"),
    WENT_WRONG("went-wrong", "What went wrong", "What hindered"),
    LUCKY("lucky", "Where we got lucky", "What could have been worse");

    /** Where the report sends a reader for a field nobody entered. */
    public static final String WHERE = "Postmortem pane";

    private final String key;
    private final String label;
    private final String prompt;
    private final List<String> aliases;

    PostmortemField(String key, String label, String prompt, String... aliases) {
        this.key = key;
        this.label = label;
        this.prompt = prompt;
        this.aliases = List.of(aliases);
    }

    /** The name written in {@code FieldSet.field}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String prompt() {
        return prompt;
    }

    List<String> aliases() {
        return aliases;
    }

    public static Optional<PostmortemField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key) || f.aliases.contains(key)).findFirst();
    }

    /** What the report says where the field was never entered. */
    String notEntered() {
        return "Not entered — " + WHERE + ", field “" + label + "”.";
    }
}
