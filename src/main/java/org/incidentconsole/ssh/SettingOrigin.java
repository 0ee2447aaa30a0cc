package org.incidentconsole.ssh;

/** Where one SSH setting of a host came from, for the window ("user: ssh_config ~/.ssh/config"). */
public record SettingOrigin(Source source, String detail) {
    public enum Source { INVENTORY, SSH_CONFIG, DEFAULT }

    static SettingOrigin inventory() {
        return new SettingOrigin(Source.INVENTORY, "the inventory");
    }

    static SettingOrigin sshConfig(SshConfig config) {
        return new SettingOrigin(Source.SSH_CONFIG, config.describe());
    }

    static SettingOrigin byDefault(String what) {
        return new SettingOrigin(Source.DEFAULT, what);
    }

    /** For a settings table whose value column already says what the default is: "default" alone. */
    public String label() {
        return source == Source.DEFAULT ? "default" : toString();
    }

    @Override
    public String toString() {
        return switch (source) {
            case INVENTORY -> "inventory";
            case SSH_CONFIG -> "ssh_config " + detail;
            case DEFAULT -> "default (" + detail + ")";
        };
    }
}
