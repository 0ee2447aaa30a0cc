package org.incidentconsole.ui.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the bar says about the requests waiting for this operator. */
class ApprovalsViewModelWordsTest {
    @ParameterizedTest(name = "{0} waiting: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "0 | ''",
            "1 | 1 approval waiting",
            "2 | 2 approvals waiting",
            "11 | 11 approvals waiting"})
    void the_bar_counts_the_requests_in_words(int count, String words) {
        assertThat(ApprovalsViewModel.words(count)).isEqualTo(words);
    }
}
