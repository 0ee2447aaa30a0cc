package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;

/** The whole inventory file as written. */
final class InventoryFileSpec {
    @JsonProperty("environment")
    Environment environment;
    @JsonProperty("defaults")
    SettingsSpec defaults;
    @JsonProperty("groups")
    LinkedHashMap<String, GroupSpec> groups;
    @JsonProperty("hosts")
    List<Located<HostSpec>> hosts;
    @JsonProperty("notify")
    NotifySpec notify;
    @JsonProperty("coordination")
    CoordinationSpec coordination;
    @JsonProperty("approval")
    ApprovalSetting approval;
}
