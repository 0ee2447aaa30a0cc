package org.incidentconsole.inventory;

/**
 * One named channel of {@code notify.channels}, with the inventory line it was declared on. The secret parts are
 * never here: {@code urlEnv} names the environment variable holding the webhook URL (null for e-mail); when it is
 * unset the window asks for the value and keeps it in memory only. {@code webhook} is set for {@code type:
 * webhook}, {@code smtp} for {@code type: email}.
 */
public record NotifyChannel(String name, ChannelKind kind, int line, String urlEnv, WebhookShape webhook,
                            SmtpSettings smtp) {
}
