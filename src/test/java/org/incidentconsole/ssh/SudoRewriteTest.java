package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code sudo} words are commands (rewritten to read the password from input) and which are not. */
class SudoRewriteTest {
    private static final String S = "sudo -S -p 'SENTINEL'";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            sudo systemctl restart php-fpm => S systemctl restart php-fpm
            cd /srv && sudo -u deploy git pull => cd /srv && S -u deploy git pull
            true; sudo true => true; S true
            false || sudo reboot => false || S reboot
            echo x | sudo tee /etc/motd => echo x | S tee /etc/motd
            if sudo true; then sudo id; fi => if S true; then S id; fi
            out=$(sudo cat /etc/shadow) => out=$(S cat /etc/shadow)
            echo run sudo later => echo run sudo later
            sudoedit /etc/hosts => sudoedit /etc/hosts
            grep sudo /var/log/auth.log => grep sudo /var/log/auth.log
            ls /usr/bin/sudo => ls /usr/bin/sudo
            """)
    void sudo_in_command_position_reads_its_password_from_input(String command, String expected) {
        SudoResponder responder = new SudoPasswords(SudoPasswordPrompt.NONE).responder("web-01", "deploy");
        String rewritten = responder.rewrite(command).replaceAll("\\[incident-console sudo [0-9a-f]{16}]",
                "SENTINEL");

        assertThat(rewritten).isEqualTo(expected.replace("S ", S + " ").replace("S\t", S));
        assertThat(SudoResponder.usesSudo(command)).isEqualTo(!expected.equals(command));
    }
}
