package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a value would stand in a script: the character marked ^ (written as X in the script) is in CONTEXT. */
class ShellContextsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            echo X                              | BARE
            echo "a X b"                        | DOUBLE_QUOTED
            echo 'a X b'                        | SINGLE_QUOTED
            echo "it's X"                       | DOUBLE_QUOTED
            echo 'say "hi"' X                   | BARE
            echo \\" X                          | BARE
            echo "a \\" X"                      | DOUBLE_QUOTED
            echo "$(cat X)"                     | BARE
            echo "$(echo "X")"                  | DOUBLE_QUOTED
            echo "$(echo 'X')"                  | SINGLE_QUOTED
            echo $(echo $(echo X))              | BARE
            echo "$(f (a) X)"                   | BARE
            echo "$(a) X"                       | DOUBLE_QUOTED
            echo ${V:-X}                        | PARAMETER
            echo "${V:-X}"                      | PARAMETER
            echo "${V:-a} X"                    | DOUBLE_QUOTED
            echo a # X                          | COMMENT
            echo a#X                            | BARE
            echo "#" X                          | BARE
            echo `cat X`                        | UNSUPPORTED
            echo "`cat X`"                      | UNSUPPORTED
            echo $'a X'                         | UNSUPPORTED
            echo $'it\\'s' X                    | UNSUPPORTED
            echo $((1 + 'a')) X                 | UNSUPPORTED
            echo "a" 'b' "c X"                  | DOUBLE_QUOTED
            echo $((1 + X))                     | ARITHMETIC
            (( X > 1 ))                         | ARITHMETIC
            echo "$((X))"                       | ARITHMETIC
            echo "$(case a in a) echo hi;; esac) X" | DOUBLE_QUOTED
            echo "$(case a in (a) echo X;; esac)"   | BARE
            echo "$(case a in a) echo "X";; esac)"  | DOUBLE_QUOTED
            """)
    void the_context_of_a_place_in_one_line(String script, ShellContexts.Context expected) {
        assertThat(ShellContexts.scan(script).at(script.indexOf('X'))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            cat <<EOF\\nline X\\nEOF\\necho Y                  | HEREDOC          | BARE
            cat <<'EOF'\\nline X\\nEOF\\necho Y                | HEREDOC_LITERAL  | BARE
            cat <<"EOF"\\nline X\\nEOF\\necho Y                | HEREDOC_LITERAL  | BARE
            cat <<-EOF\\n\\tline X\\n\\tEOF\\necho 'Y'         | HEREDOC          | SINGLE_QUOTED
            cat <<A <<B\\nX\\nA\\nb\\nB\\necho "Y"             | HEREDOC          | DOUBLE_QUOTED
            cat <<<X; echo Y                                   | BARE             | BARE
            cat <<EOF\\n$(echo X)\\nEOF\\necho Y                  | UNSUPPORTED      | BARE
            cat <<'EOF'\\n$(echo X)\\nEOF\\necho Y                | HEREDOC_LITERAL  | BARE
            echo "$(cat <<'EOF'\\nX\\nEOF)" Y                    | UNSUPPORTED      | UNSUPPORTED
            echo $((1 << 2)) X\\necho "Y"                      | BARE             | DOUBLE_QUOTED
            echo $((X << 2))\\necho "Y"                       | ARITHMETIC       | DOUBLE_QUOTED
            (( n << 2 )) && echo X\\necho 'Y'                  | BARE             | SINGLE_QUOTED
            echo 'multi\\nX line' Y                            | SINGLE_QUOTED    | BARE
            echo "multi\\nX line" Y                            | DOUBLE_QUOTED    | BARE
            echo # comment 'X\\necho Y                         | COMMENT          | BARE
            """)
    void the_context_across_lines(String escaped, ShellContexts.Context atX, ShellContexts.Context atY) {
        String script = escaped.replace("\\n", "\n").replace("\\t", "\t");
        ShellContexts contexts = ShellContexts.scan(script);
        assertThat(contexts.at(script.indexOf('X'))).isEqualTo(atX);
        assertThat(contexts.at(script.indexOf('Y'))).isEqualTo(atY);
    }
}
