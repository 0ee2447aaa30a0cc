package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookParserTest {
    private final RunbookParser parser = new RunbookParser();

    private Runbook parse(String markdown) throws RunbookException {
        return parser.parse("fixtures/rollback.md", markdown);
    }

    static final String NUMBERED = """
            # Emergency Rollback
            ## Quick reference

            Some prose with a table:

            | trigger | action |
            |---|---|
            | 500s | roll back |

            ## ⚡ Roll back now (5 Minutes)

            ### Step 1: Find the stable commit (30 seconds)
            ```bash
            cd /srv/app

            # show recent history
            git log --oneline -10
            git describe --tags
            ```

            ### Step 2: Check it out (60 seconds)
            ```bash
            git checkout def5678  # Replace with actual commit hash
            ```

            ### Step 3: Notes only
            Just words, no commands.

            ## 📋 After the rollback
            ### Immediate checks (5 minutes)
            - [ ] Health endpoint returns 200
            - [x] No fatal errors in the last 20 lines
            - plain bullet, not a task
            """;

    @Test
    void every_heading_with_content_is_a_step_with_its_heading_path_and_kind() throws Exception {
        Runbook rb = parse(NUMBERED);

        assertThat(rb.title()).isEqualTo("Emergency Rollback");
        assertThat(rb.steps()).extracting(Step::pathText).containsExactly(
                "Emergency Rollback › Quick reference",
                "Emergency Rollback › ⚡ Roll back now (5 Minutes) › Step 1: Find the stable commit (30 seconds)",
                "Emergency Rollback › ⚡ Roll back now (5 Minutes) › Step 2: Check it out (60 seconds)",
                "Emergency Rollback › ⚡ Roll back now (5 Minutes) › Step 3: Notes only",
                "Emergency Rollback › 📋 After the rollback › Immediate checks (5 minutes)");
        assertThat(rb.steps()).extracting(Step::line).containsExactly(2, 12, 21, 26, 30);
        assertThat(rb.steps()).extracting(Step::kind).containsExactly(StepKind.MANUAL, StepKind.RUN, StepKind.RUN,
                StepKind.MANUAL, StepKind.CHECKLIST);
    }

    @Test
    void a_shell_block_is_kept_whole_with_its_comments_as_labels() throws Exception {
        Step first = parse(NUMBERED).steps().get(1);
        CodeBlock block = first.shellBlocks().get(0);

        assertThat(block.line()).isEqualTo(13);
        assertThat(block.script()).isEqualTo("cd /srv/app\n\n# show recent history\ngit log --oneline -10\n"
                + "git describe --tags");
        assertThat(block.labels()).containsExactly(new CodeBlock.Label(16, "show recent history"));
        assertThat(first.budget()).isEqualTo(new Budget(Duration.ofSeconds(30),
                Duration.ofSeconds(30)));
    }

    @Test
    void checklist_items_are_tasks_only_with_their_state_and_line() throws Exception {
        Step checks = parse(NUMBERED).steps().get(4);
        assertThat(checks.checklist()).extracting(ChecklistItem::text, ChecklistItem::checked, ChecklistItem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Health endpoint returns 200", false, 31),
                        org.assertj.core.groups.Tuple.tuple("No fatal errors in the last 20 lines", true, 32));
        assertThat(checks.description()).doesNotContain("[ ]");
    }

    @Test
    void the_description_keeps_prose_tables_and_plain_lists_as_markdown() throws Exception {
        String md = """
                # R
                ## Restart (1 minute)
                Restart **both** services:

                | service | why |
                |---|---|
                | nginx | config |

                - first plain point
                ```sh
                systemctl restart nginx  # danger: restarts the web server
                ```
                """;
        Step step = parse(md).steps().get(0);
        assertThat(step.description()).contains("Restart **both** services:", "| nginx | config |",
                "- first plain point").doesNotContain("systemctl");
    }

    @Test
    void the_title_falls_back_to_the_file_name() throws Exception {
        Runbook rb = parser.parse("/tmp/ops/db-restore.md", "## Only a second level\n```sh\nls\n```\n");
        assertThat(rb.title()).isEqualTo("db-restore");
        assertThat(rb.steps().get(0).path()).containsExactly("Only a second level");
    }

    @Test
    void setext_headings_backward_levels_and_repeated_titles_all_work() throws Exception {
        String md = """
                Rollback Plan
                =============

                Phase one
                ---------

                #### Deep step
                ```sh
                uptime
                ```

                ## Phase two
                ### Verify
                - [ ] ok

                ## Phase three
                ### Verify
                - [ ] ok again
                """;
        Runbook rb = parse(md);
        assertThat(rb.title()).isEqualTo("Rollback Plan");
        assertThat(rb.steps()).extracting(Step::pathText).containsExactly(
                "Rollback Plan › Phase one › Deep step",
                "Rollback Plan › Phase two › Verify",
                "Rollback Plan › Phase three › Verify");
    }

    @Test
    void emoji_and_mis_encoded_headings_are_kept_as_text() throws Exception {
        String md = "# üö® Emergency Contacts\n## 🔄 Rückkehr – Schritt 1 (2 minutes)\n```bash\necho hi\n```\n";
        Step step = parse(md).steps().get(0);
        assertThat(step.path()).containsExactly("üö® Emergency Contacts", "🔄 Rückkehr – Schritt 1 (2 minutes)");
        assertThat(step.budget().maxSeconds()).isEqualTo(120);
    }

    @Test
    void a_heading_with_only_sql_or_text_fences_is_a_manual_step_and_its_blocks_never_run() throws Exception {
        String md = """
                # R
                ## Data fix
                ```sql
                DELETE FROM bookings WHERE id = 1;
                ```
                ## Message template
                ```
                Subject: Rollback in progress
                We are rolling back the API.
                ```
                ## Mixed (1 minute)
                ```json
                {"status": "healthy"}
                ```
                ```
                curl -fsS http://127.0.0.1/health
                ```
                """;
        Runbook rb = parse(md);
        assertThat(rb.steps()).extracting(Step::title).containsExactly("Data fix", "Message template",
                "Mixed (1 minute)");
        assertThat(rb.steps()).extracting(Step::kind).containsExactly(StepKind.MANUAL, StepKind.MANUAL, StepKind.RUN);
        assertThat(rb.steps().get(0).shellBlocks()).isEmpty();
        assertThat(rb.steps().get(0).shownBlocks()).extracting(CodeBlock::language).containsExactly("sql");
        Step mixed = rb.steps().get(2);
        assertThat(mixed.blocks()).extracting(CodeBlock::language, CodeBlock::runnable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("json", false),
                        org.assertj.core.groups.Tuple.tuple("sh", true));
    }

    @Test
    void console_blocks_lose_their_prompts_and_output_but_keep_continuations() throws Exception {
        String md = """
                # R
                ## Check (1 minute)
                ```console
                $ redis-cli PING
                PONG
                $ curl -s \\
                >   http://127.0.0.1/health
                {"status":"healthy"}
                ```
                """;
        CodeBlock block = parse(md).steps().get(0).shellBlocks().get(0);
        assertThat(block.runnable()).isTrue();
        assertThat(block.script().lines().filter(l -> !l.isBlank()).toList())
                .containsExactly("redis-cli PING", "curl -s \\", "  http://127.0.0.1/health");
        assertThat(block.script()).doesNotContain("PONG", "healthy", "$ ");
    }

    @Test
    void heredocs_continuations_and_fence_attributes_are_kept_and_read() throws Exception {
        String md = """
                # R
                ## Log it (1 minute)
                ```sh { name=write-log }
                cat > /tmp/rollback.log << EOF
                # Rollback log
                Reason: [DETAILED REASON]
                EOF
                git log --oneline \\
                  -5
                ```
                """;
        CodeBlock block = parse(md).steps().get(0).shellBlocks().get(0);
        assertThat(block.name()).isEqualTo("write-log");
        assertThat(block.language()).isEqualTo("sh");
        assertThat(block.script()).startsWith("cat > /tmp/rollback.log << EOF\n").contains("git log --oneline \\\n  -5")
                .doesNotContain("name=");
        // issue #17: a here-document that is data (cat writes it to a file) holds no placeholders; nothing runs it
        assertThat(block.placeholders()).isEmpty();
    }

    @Test
    void nested_and_blockquoted_checklists_keep_their_parent_and_bold_prefixes_become_text() throws Exception {
        String md = """
                # R
                ## Before rolling back
                1. **Assess the situation**
                   - [ ] Document the issue
                   - [ ] **Users affected?** check the dashboard
                2. **Communicate**
                   - [x] Notify the team
                     - [ ] in the incident channel

                > - [ ] quoted task
                > - ☐ not a task
                > - Owner: ______

                - ☐ still not a task
                """;
        List<ChecklistItem> items = parse(md).steps().get(0).checklist();
        assertThat(items).extracting(ChecklistItem::text).containsExactly("Document the issue",
                "Users affected? check the dashboard", "Notify the team", "in the incident channel", "quoted task");
        assertThat(items).extracting(ChecklistItem::parent).containsExactly("Assess the situation",
                "Assess the situation", "Communicate", "Notify the team", null);
        assertThat(items.get(3).depth()).isGreaterThan(items.get(2).depth());
    }

    @Test
    void a_code_block_inside_a_list_item_belongs_to_the_step() throws Exception {
        String md = """
                # R
                ## Backup (2 minutes)
                3. **Backup current state**
                   ```bash
                   git tag emergency-backup-$(date +%Y%m%d-%H%M%S)
                   ```
                """;
        Step step = parse(md).steps().get(0);
        assertThat(step.shellBlocks()).singleElement().satisfies(b ->
                assertThat(b.script()).isEqualTo("git tag emergency-backup-$(date +%Y%m%d-%H%M%S)"));
        assertThat(step.dangers()).isEmpty();
    }

    @Test
    void a_150_item_checklist_is_read_in_full() throws Exception {
        StringBuilder md = new StringBuilder("# Big\n## Go-live checklist\n");
        for (int i = 1; i <= 150; i++) {
            md.append("- [ ] item ").append(i).append('\n');
        }
        List<ChecklistItem> items = parse(md.toString()).steps().get(0).checklist();
        assertThat(items).hasSize(150);
        assertThat(items.get(149)).extracting(ChecklistItem::text, ChecklistItem::line).containsExactly("item 150", 152);
    }

    @Test
    void front_matter_declares_variables_and_default_host_tags() throws Exception {
        String md = """
                ---
                hosts: [web]
                variables:
                  stable_ref:
                    description: The commit to roll back to
                    suggest: git log --oneline -10
                    role: rollback-to
                  app_dir:
                    default: /srv/app
                ---
                # Rollback
                ## Check out (1 minute)
                ```sh
                cd {{app_dir}} && git checkout {{stable_ref}}
                ```
                ## Restart workers (1 minute)
                <!-- hosts: worker, queue -->
                ```sh
                supervisorctl restart all  # danger: restarts the workers
                ```
                """;
        Runbook rb = parse(md);
        assertThat(rb.variables()).extracting(Variable::name, Variable::suggest, Variable::defaultValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stable_ref", "git log --oneline -10", null),
                        org.assertj.core.groups.Tuple.tuple("app_dir", null, "/srv/app"));
        assertThat(rb.variables().get(0).line()).isEqualTo(4);
        assertThat(rb.variables().get(0).role()).isEqualTo("rollback-to");
        assertThat(rb.steps().get(0).placeholders()).extracting(Placeholder::name)
                .containsExactly("app_dir", "stable_ref");
        assertThat(rb.steps().get(0).hostTags()).containsExactly("web");
        assertThat(rb.steps().get(1).hostTags()).containsExactly("worker", "queue");
        assertThat(rb.steps().get(0).line()).isEqualTo(12);
        assertThat(rb.problems()).isEmpty();
        assertThat(Variable.valueOfChoice("abc1234 Add new components")).isEqualTo("abc1234");
    }

    @Test
    void broken_front_matter_is_refused_with_its_line() {
        assertThatThrownBy(() -> parse("---\nvariables:\n  x: [unclosed\n---\n# R\n"))
                .isInstanceOf(RunbookException.class)
                .satisfies(e -> assertThat(((RunbookException) e).line()).isBetween(2, 4))
                .hasMessageContaining("front matter is not valid YAML");
    }

    @Test
    void environment_variables_the_script_reads_are_listed() throws Exception {
        String md = """
                # R
                ## Notify (1 minute)
                ```bash
                MESSAGE="rolled back"
                for host in a b; do echo $host; done
                curl -X POST "$SLACK_WEBHOOK" -d "{\\"text\\": \\"$MESSAGE by ${OPERATOR:-someone} in $HOME\\"}"
                ```
                """;
        assertThat(parse(md).steps().get(0).shellBlocks().get(0).environmentVariables())
                .containsExactly("SLACK_WEBHOOK", "OPERATOR");
    }

    @Test
    void crlf_line_endings_and_a_bom_change_nothing() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = NUMBERED.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);

        Runbook windows = parser.parse("windows.md", bytes);
        Runbook unix = parse(NUMBERED);
        assertThat(windows.title()).isEqualTo(unix.title());
        assertThat(windows.steps()).usingRecursiveComparison().isEqualTo(unix.steps());
    }

    @Test
    void an_empty_file_and_a_title_with_prose_only_load_with_a_warning_and_the_prose_as_description()
            throws Exception {
        assertThat(parse("").steps()).isEmpty();
        Runbook prose = parse("# Notes\nNothing to run here.\n");
        assertThat(prose.steps()).isEmpty();
        assertThat(prose.description()).isEqualTo("Nothing to run here.");
        assertThat(prose.problems()).extracting(Problem::message).anyMatch(m -> m.startsWith("no steps"));
    }

    @Test
    void binary_garbage_is_refused_with_the_line_of_the_first_bad_byte() {
        byte[] bytes = "# Title\nline two\n\u0000\u0001\u0002 binary".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse("blob.md", bytes)).isInstanceOf(RunbookException.class)
                .hasMessageStartingWith("blob.md:3: binary content");
        byte[] latin1 = {'#', ' ', 'x', '\n', (byte) 0xFF, (byte) 0xFE, 'z'};
        assertThatThrownBy(() -> parser.parse("latin.md", latin1)).isInstanceOf(RunbookException.class)
                .hasMessageStartingWith("latin.md:2: not UTF-8 text");
    }

    @Test
    void an_unterminated_fence_is_an_error_at_its_opening_line() throws Exception {
        Runbook rb = parse("# R\n## Step (1 minute)\n```bash\nuptime\n");
        assertThat(rb.problems()).contains(Problem.error(3,
                "unterminated code fence: everything after it is read as code"));
    }

    @Test
    void a_5_megabyte_runbook_loads() throws Exception {
        StringBuilder md = new StringBuilder("# Huge\n");
        int step = 0;
        while (md.length() < 5 * 1024 * 1024) {
            step++;
            md.append("## Step ").append(step).append(" (1 minute)\nProse for the step.\n```bash\necho ")
                    .append(step).append("\n```\n- [ ] checked ").append(step).append('\n');
        }
        Runbook rb = parse(md.toString());
        assertThat(rb.steps()).hasSize(step);
        assertThat(rb.steps().get(step - 1).checklist()).hasSize(1);
    }

    @Test
    void option_a_b_c_headings_are_one_choice_and_options_inside_one_block_are_another() throws Exception {
        String md = """
                # Rollback
                ## Step 3: Execute rollback
                ### A) Feature flags only (Fastest - 30 seconds)
                ```bash
                php artisan feature:disable-risky
                ```
                ### B) Application version (2-5 minutes)
                ```bash
                git checkout {{stable}}
                ```
                ### C) Database and application (5-15 minutes)
                ```bash
                php artisan migrate:rollback  # danger: schema goes back
                ```
                ## Step 4: Clear Redis (30 seconds)
                ```bash
                # OPTION A: clear everything
                redis-cli FLUSHDB  # danger: wipes the db
                # OPTION B: clear only breaker state
                redis-cli --scan --pattern 'cb:*' | xargs -r redis-cli DEL  # danger: breakers
                ```
                """;
        Runbook rb = parse(md);
        assertThat(rb.steps()).extracting(Step::title, Step::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Step 3: Execute rollback", StepKind.CHOICE),
                org.assertj.core.groups.Tuple.tuple("Step 4: Clear Redis (30 seconds)", StepKind.CHOICE));
        Step execute = rb.steps().get(0);
        assertThat(execute.choices()).extracting(Alternative::label).containsExactly(
                "A) Feature flags only (Fastest - 30 seconds)", "B) Application version (2-5 minutes)",
                "C) Database and application (5-15 minutes)");
        assertThat(execute.choices().get(1).steps().get(0).budget().minSeconds()).isEqualTo(120);
        assertThat(rb.steps().get(1).choices()).extracting(Alternative::label, Alternative::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OPTION A: clear everything", 17),
                org.assertj.core.groups.Tuple.tuple("OPTION B: clear only breaker state", 19));
        CodeBlock options = rb.steps().get(1).shellBlocks().get(0);
        assertThat(options.alternatives()).extracting(CodeBlock.Label::line).containsExactly(17, 19);
        assertThat(rb.problems()).as("the block is walked as a choice: no advice to split it by headings")
                .noneMatch(p -> p.message().startsWith("block offers alternatives"));
    }

    @Test
    void a_fence_of_table_punctuation_found_by_the_fuzzer_is_just_text() throws Exception {
        String md = "  - [ ] nested\n\n- [x] done\n| a | b |\n|---|---|\n| 1 | 2 |\n~~~\n |\n|---|---|\n| 1 | 2 |\n~~~\n";
        Runbook rb = parse(md);
        assertThat(rb.steps()).singleElement().satisfies(s -> {
            assertThat(s.blocks()).singleElement().satisfies(b -> assertThat(b.runnable()).isFalse());
            assertThat(s.checklist()).hasSize(2);
        });
    }
}
