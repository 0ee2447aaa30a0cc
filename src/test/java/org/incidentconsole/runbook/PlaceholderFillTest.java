package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Filling replaces exactly the placeholder's token at its place: never another occurrence, never a substring. */
class PlaceholderFillTest {
    private static String filled(String script, Map<String, String> values) throws ValueRejectedException {
        List<Placeholder> found = PlaceholderFinder.placeholders(script, 1);
        return CommandRenderer.fill(script, found, p -> values.get(p.kind() == Placeholder.Kind.VARIABLE ? p.name()
                : p.token()), p -> ValueType.TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            export NAMESPACE="prod"  # replace with your namespace                              | prod     | staging | export NAMESPACE="staging"  # replace with your namespace
            kubectl rollout undo deployment/api -n production  # Replace with your deployment name | api   | web     | kubectl rollout undo deployment/web -n production  # Replace with your deployment name
            LAST_GOOD="main~10"  # Adjust as needed                                              | main~10  | v2.3.1  | LAST_GOOD="v2.3.1"  # Adjust as needed
            kubectl get pods -n <pod namespace>                                                  | <pod namespace> | shop | kubectl get pods -n shop
            docker pull registry.example.com/api:<previous_tag>                                  | <previous_tag> | v1.4.2 | docker pull registry.example.com/api:v1.4.2
            git checkout [previous_production_tag]                                               | [previous_production_tag] | v9 | git checkout v9
            curl -H "X-Api-Key: YOUR_API_KEY" https://api.example.com                            | YOUR_API_KEY | k-1 | curl -H "X-Api-Key: k-1" https://api.example.com
            git checkout <ref>                                                                   | <ref>    | a b     | git checkout 'a b'
            """)
    void the_value_takes_the_place_of_exactly_that_token(String script, String token, String value, String expected)
            throws Exception {
        assertThat(filled(script, Map.of(token, value))).isEqualTo(expected);
    }

    @Test
    void filling_main_leaves_maintenance_domain_and_every_other_main_alone() throws Exception {
        String script = """
                LAST_GOOD="main"  # Adjust as needed
                echo "maintenance window on the main domain"
                git log --oneline main..HEAD -- domain/ maintenance/
                git checkout "$LAST_GOOD\"""";

        String out = filled(script, Map.of("main", "release-7"));

        assertThat(out).isEqualTo("""
                LAST_GOOD="release-7"  # Adjust as needed
                echo "maintenance window on the main domain"
                git log --oneline main..HEAD -- domain/ maintenance/
                git checkout "$LAST_GOOD\"""");
    }

    @Test
    void an_empty_quoted_value_to_fill_in_is_replaced_quotes_and_all() throws Exception {
        String script = "RELEASE=''  # fill in the release to go back to";

        assertThat(filled(script, Map.of("''", "v1 b"))).isEqualTo("RELEASE='v1 b'  # fill in the release to go back to");
    }

    @Test
    void a_placeholder_written_twice_is_filled_at_both_places_and_nowhere_else() throws Exception {
        String script = "[[ -d <app_dir> ]] && cd <app_dir> && ls app_dir";

        assertThat(PlaceholderFinder.placeholders(script, 1)).extracting(Placeholder::offset).containsExactly(6, 25);
        assertThat(filled(script, Map.of("<app_dir>", "/srv/shop"))).isEqualTo(
                "[[ -d /srv/shop ]] && cd /srv/shop && ls app_dir");
    }

    @Test
    void the_replace_literal_is_found_at_its_offset_in_a_block_of_several_lines() throws Exception {
        String script = "set -euo pipefail\nkubectl -n prod get deploy\nexport NAMESPACE=\"prod\"  # replace it\n";
        Placeholder p = PlaceholderFinder.placeholders(script, 10).get(0);

        assertThat(p.token()).isEqualTo("prod");
        assertThat(p.offset()).isEqualTo(script.indexOf("\"prod\"") + 1);
        assertThat(p.line()).isEqualTo(12);
        assertThat(filled(script, Map.of("prod", "staging"))).isEqualTo(
                "set -euo pipefail\nkubectl -n prod get deploy\nexport NAMESPACE=\"staging\"  # replace it\n");
    }
}
