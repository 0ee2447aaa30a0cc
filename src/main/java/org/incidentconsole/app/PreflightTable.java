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
        List<List<String>> table = new ArrayList<>();
        table.add(PreflightRow.COLUMNS);
        rows.forEach(r -> table.add(r.cells()));
        int[] widths = new int[PreflightRow.COLUMNS.size()];
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
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", rows.stream().allMatch(PreflightRow::ok));
        doc.put("hosts", rows.stream().map(PreflightRow::json).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preflight JSON", e);
        }
    }
}
