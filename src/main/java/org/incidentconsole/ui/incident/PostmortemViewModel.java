package org.incidentconsole.ui.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.report.ActionItemType;
import org.incidentconsole.report.PostmortemField;

/**
 * The Postmortem pane's model: reads the fields as the journal holds them and journals each save, signed by
 * the operator. Only fields that changed are written; a bad value is refused with one sentence.
 */
public final class PostmortemViewModel {
    /** The roles the pane offers; the report lists them in this order. */
    public static final List<String> ROLES = List.of("incident-commander", "operator", "comms", "scribe");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private final Supplier<IncidentSession> session;
    private final Supplier<String> operator;

    public PostmortemViewModel(Supplier<IncidentSession> session, Supplier<String> operator) {
        this.session = session;
        this.operator = operator;
    }

    /** Each field's latest saved value ("" when never entered), the older name user-impact read as impact. */
    public Map<PostmortemField, String> fields() {
        Map<PostmortemField, String> out = new EnumMap<>(PostmortemField.class);
        for (PostmortemField f : PostmortemField.values()) {
            out.put(f, "");
        }
        session().state().fields().forEach((k, v) -> PostmortemField.byKey(k)
                .ifPresent(f -> out.put(f, v == null ? "" : v)));
        return out;
    }

    /**
     * Journals every field whose text differs from what the journal holds. Completes with how many were saved.
     *
     * @throws IllegalArgumentException a detection time that is not a time
     */
    public CompletableFuture<Integer> save(Map<PostmortemField, String> edited) {
        IncidentSession s = session();
        Map<PostmortemField, String> now = fields();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (var e : edited.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (e.getKey() == PostmortemField.DETECTED_AT && !value.isEmpty()) {
                value = instant(value).toString();
            }
            if (!value.equals(now.get(e.getKey()).strip())) {
                writes.add(s.record(new IncidentEvent.FieldSet(e.getKey().key(), value, operator.get())));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(v -> writes.size());
    }

    public CompletableFuture<Void> addActionItem(String text, String type, String owner, String ticket) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An action item needs a text.");
        }
        String kind = type == null || type.isBlank() ? null : ActionItemType.byKey(type).map(ActionItemType::key)
                .orElseThrow(() -> new IllegalArgumentException("Type must be mitigate, prevent or process, not "
                        + type.strip() + "."));
        return session().record(new IncidentEvent.ActionItemAdded(text.strip(), operator.get(), kind,
                blankToNull(owner), blankToNull(ticket))).thenApply(r -> null);
    }

    public CompletableFuture<Void> assignRole(String role, String person) {
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("Role must be one of " + String.join(", ", ROLES) + ".");
        }
        if (person == null || person.isBlank()) {
            throw new IllegalArgumentException("Name the person who holds the " + role + " role.");
        }
        return session().record(new IncidentEvent.RoleAssigned(role, person.strip(), operator.get()))
                .thenApply(r -> null);
    }

    public CompletableFuture<Void> messageSent(String channel, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Paste the message as it was sent.");
        }
        return session().record(new IncidentEvent.MessageSent(blankToNull(channel), text.strip(), operator.get()))
                .thenApply(r -> null);
    }

    /** An ISO instant, or "yyyy-MM-dd HH:mm[:ss]" read as UTC. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("Detection time \"" + text + "\" is not a time: write it as "
                        + "2026-11-23 16:51 (UTC) or 2026-11-23T16:51:30Z.");
            }
        }
    }

    private IncidentSession session() {
        return Objects.requireNonNullElseGet(session.get(), () -> {
            throw new IllegalStateException("Start or resume an incident first: the postmortem is part of it.");
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
