package org.incidentconsole.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Preflight rows as an aligned plain-text table or a JSON document with a stable key order. */
final class PreflightTable {
    private PreflightTable() {
    }

    static List<String> text(List<PreflightRow> rows) {
        return text(rows, List.of());
    }

    /** The hosts' table, then (when the inventory has {@code notify:}) the channels' table after a blank line. */
    static List<String> text(List<PreflightRow> rows, List<ChannelPreflightRow> channels) {
        List<String> lines = aligned(PreflightRow.COLUMNS, rows.stream().map(PreflightRow::cells).toList());
        if (!channels.isEmpty()) {
            lines.add("");
            lines.addAll(aligned(ChannelPreflightRow.COLUMNS, channels.stream().map(ChannelPreflightRow::cells)
                    .toList()));
        }
        return lines;
    }

    private static List<String> aligned(List<String> columns, List<List<String>> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(columns);
        table.addAll(rows);
        int[] widths = new int[columns.size()];
        table.forEach(cells -> {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (List<String> cells : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                line.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s  ", cells.get(i)));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    static String json(List<PreflightRow> rows) {
        return json(rows, List.of());
    }

    /** {@code ok} is true when every host and every channel is; {@code channels} only when there are some. */
    static String json(List<PreflightRow> rows, List<ChannelPreflightRow> channels) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", rows.stream().allMatch(PreflightRow::ok) && channels.stream().allMatch(ChannelPreflightRow::ok));
        doc.put("hosts", rows.stream().map(PreflightRow::json).toList());
        if (!channels.isEmpty()) {
            doc.put("channels", channels.stream().map(ChannelPreflightRow::json).toList());
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preflight JSON", e);
        }
    }
}
