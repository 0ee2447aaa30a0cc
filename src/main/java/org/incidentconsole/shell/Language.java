package org.incidentconsole.shell;

/** The language a command was written in: shell, or SQL / Redis fed to a database client. */
public enum Language {
    SHELL, SQL, REDIS
}
