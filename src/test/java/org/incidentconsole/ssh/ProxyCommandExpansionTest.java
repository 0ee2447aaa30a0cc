package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyCommandExpansionTest {
    @ParameterizedTest(name = "{0} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "ssh -W %h:%p bastion                  | 10.0.0.5   | 22   | deploy | ssh -W 10.0.0.5:22 bastion",
            "tsh proxy ssh %r@%h:%p                | web-01     | 2222 | ops    | tsh proxy ssh ops@web-01:2222",
            "aws ssm start-session --target %h     | i-0abc     | 22   | ec2    | aws ssm start-session --target i-0abc",
            "printf 100%% %n                       | web-01     | 22   | x      | printf 100% web-01",
            "nc [%h] %p                            | fe80::1%lo | 22   | x      | nc [fe80::1%lo] 22",
    })
    void tokens_are_expanded_as_ssh_does(String command, String host, int port, String user, String expected)
            throws IOException {
        assertThat(ProxyCommandSocket.expand(command, host, port, user)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with host {1}")
    @CsvSource(delimiter = '|', value = {
            "nc %h %p | web;touch /tmp/x | root    | unsafe in a proxy command",
            "nc %h %p | $(id)            | root    | unsafe in a proxy command",
            "ssh %r@x | web-01           | a b     | unsafe in a proxy command",
            "nc %x    | web-01           | root    | unknown token %x",
    })
    void shell_characters_in_a_value_and_unknown_tokens_are_refused(String command, String host, String user,
                                                                    String says) {
        assertThatThrownBy(() -> ProxyCommandSocket.expand(command, host, 22, user))
                .isInstanceOf(IOException.class).hasMessageContaining(says);
    }
}
