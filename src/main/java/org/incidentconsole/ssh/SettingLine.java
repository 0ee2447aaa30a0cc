package org.incidentconsole.ssh;

/** One SSH setting of a host as the window lists it: ssh_config's name for it, its value, where it came from. */
public record SettingLine(String name, String value, SettingOrigin origin) {
}
