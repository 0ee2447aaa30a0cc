package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Settings shared by many hosts (e.g. 20 web hosts), and those hosts. */
final class GroupSpec extends SettingsSpec {
    @JsonProperty("hosts")
    List<Located<HostSpec>> hosts;
}
