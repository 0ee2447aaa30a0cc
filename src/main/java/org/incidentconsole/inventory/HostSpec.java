package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One host entry as written in the file. */
final class HostSpec extends SettingsSpec {
    @JsonProperty("name")
    Located<String> name;
    @JsonProperty("address")
    Located<String> address;
}
