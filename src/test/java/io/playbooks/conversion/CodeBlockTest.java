package io.playbooks.conversion;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeBlockTest {

    private static CodeBlock codeBlock(String language, String cdata) {
        String languageParameter = language == null ? "" : "<ac:parameter ac:name=\"language\">" + language + "</ac:parameter>";
        Document page = new StorageFormatParser().parse("<ac:structured-macro ac:name=\"code\">" + languageParameter
                + "<ac:plain-text-body><![CDATA[" + cdata + "]]></ac:plain-text-body></ac:structured-macro>");
        Element macro = page.getElementsByTag("ac:structured-macro").first();
        return CodeBlock.of(macro);
    }

    @Test
    void cdataIsKeptByteForByteBetweenTrimmedBlankEdgeLines() {
        String body = "for f in *.log; do\n\tgrep -c 'a && b <c>' \"$f\" &amp; \\\n   | sort   \ndone";
        assertThat(codeBlock("bash", "\n  \n" + body + "\n\n  \n").command()).isEqualTo(body.stripTrailing());
    }

    @Test
    void firstLineIndentationIsKept() {
        assertThat(codeBlock("bash", "\n    indented --flag\n").command()).isEqualTo("    indented --flag");
    }

    @Test
    void aConsoleBlockWithNoCommandItCanTellIsKeptAsASnippet() {
        CodeBlock output = codeBlock("console", "Interface   Status   Vlan\nGi1/0/24    connected 120");
        assertThat(output.command()).isNull();
        assertThat(output.snippet().language()).isEqualTo("console");
        assertThat(output.snippet().code()).isEqualTo("Interface   Status   Vlan\nGi1/0/24    connected 120");
    }

    @Test
    void aBlockInNoLanguageThatEntersConfigurationModeHoldsCommands() {
        assertThat(codeBlock(null, "configure\nset protocols bgp group T neighbor 10.0.0.1\ncommit").command())
                .isEqualTo("configure\nset protocols bgp group T neighbor 10.0.0.1\ncommit");
        assertThat(codeBlock(null, "checkpoint pre-maint-CHG0041233").command()).isEqualTo("checkpoint pre-maint-CHG0041233");
        assertThat(codeBlock(null, "verify the backup finished before continuing").command()).isNull();
        assertThat(codeBlock(null, "rollback to savepoint s1;").command()).isNull();
    }

    @Test
    void outputUnderAHeaderOfTitleWordsInPlainTextIsNoCommand() {
        assertThat(codeBlock("plain", "Node      Address                    State     Voter\n"
                + "vault-01  vault-01.prod.internal:8201  leader    true").command()).isNull();
        assertThat(codeBlock("text", "node --version").command()).isEqualTo("node --version");
    }

    @Test
    void nonShellLanguagesAreSnippets() {
        CodeBlock yaml = codeBlock("yaml", "replicaCount: 6\nimage:\n  tag: \"1.2\"");
        assertThat(yaml.command()).isNull();
        assertThat(yaml.snippet().language()).isEqualTo("yaml");
        assertThat(yaml.snippet().code()).isEqualTo("replicaCount: 6\nimage:\n  tag: \"1.2\"");
    }

    @Test
    void unnamedLanguageIsACommandOnlyWhenItReadsLikeOne() {
        assertThat(codeBlock(null, "patronictl -c /etc/patroni.yml list").command()).isEqualTo("patronictl -c /etc/patroni.yml list");
        assertThat(codeBlock("none", "{\"a\": 1}").snippet().language()).isEqualTo("text");
    }

    @Test
    void plainTextChosenHoldsCommandsOnlyOfKnownPrograms() {
        assertThat(codeBlock("text", "sqlcmd -S SQLPRD01 -E -Q \"EXEC msdb.dbo.sp_start_job 'nightly'\"").command())
                .startsWith("sqlcmd -S");
        assertThat(codeBlock("text", "tcp dport 8443 ip daddr 10.30.4.20 accept").snippet().language()).isEqualTo("text");
        assertThat(codeBlock(null, "rsnapshot daily run").command()).as("no language: by its shape").isEqualTo("rsnapshot daily run");
        assertThat(codeBlock("text", "rsnapshot daily run").command()).as("plain text: known programs only").isNull();
        for (String output : List.of("git version 2.43.0", "psql (PostgreSQL) 16.2", "redis-cli 7.2.4",
                "rsync error: some files/attrs were not transferred (code 23)")) {
            assertThat(codeBlock("text", output).command()).as(output).isNull();
        }
        for (String command : List.of("ping 10.20.0.1", "ssh 10.20.0.5 sudo systemctl restart app", "sleep 0.5",
                "git -C /srv/app version")) {
            assertThat(codeBlock("text", command).command()).as(command).isEqualTo(command);
        }
    }

    @Test
    void requestLinesAreCommandsInNoLanguageOneOrSeveral() {
        assertThat(codeBlock(null, "GET _cat/allocation?v\nGET _cat/recovery?v").command())
                .isEqualTo("GET _cat/allocation?v\nGET _cat/recovery?v");
        assertThat(codeBlock("none", "# temporary\nPUT _cluster/settings\n{}").command()).startsWith("# temporary");
        assertThat(codeBlock(null, "DELETE orders-v7").command()).isEqualTo("DELETE orders-v7");
        assertThat(codeBlock("json", "PUT orders-v8\n{}").command()).as("json stays a sample").isNull();
    }

    @Test
    void consoleSnippetsLoseTheirPromptsAndOutput() {
        assertThat(codeBlock("console", "$ systemctl is-active agent\nactive").command()).isEqualTo("systemctl is-active agent");
    }
}
