package io.playbooks.conversion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTranscriptTest {

    @Test
    void promptsAreStrippedAndOutputLinesDropped() {
        String transcript = "$ redis-cli -n 2 FLUSHDB ASYNC\nOK\n$ redis-cli -n 2 DBSIZE\n(integer) 0";
        assertThat(ConsoleTranscript.commands(transcript)).isEqualTo("redis-cli -n 2 FLUSHDB ASYNC\nredis-cli -n 2 DBSIZE");
    }

    @Test
    void rootUserAndPowerShellPromptsAreStripped() {
        assertThat(ConsoleTranscript.commands("# systemctl restart nginx\n● nginx.service")).isEqualTo("systemctl restart nginx");
        assertThat(ConsoleTranscript.commands("ops@bastion:~$ uptime\n 10:00 up 3 days")).isEqualTo("uptime");
        assertThat(ConsoleTranscript.commands("PS C:\\> Get-Service x\nRunning")).isEqualTo("Get-Service x");
    }

    @Test
    void aCommandContinuedOverLinesKeepsItsLines() {
        String transcript = "$ aws s3 cp a \\\n    s3://b/\nupload: a to s3://b/a\n$ echo 'two\nlines'\ntwo";
        assertThat(ConsoleTranscript.commands(transcript)).isEqualTo("aws s3 cp a \\\n    s3://b/\necho 'two\nlines'");
    }

    @Test
    void consoleLanguageOrADollarPromptMakesATranscriptButAShellCommentDoesNot() {
        assertThat(ConsoleTranscript.isTranscript("console", "ls")).isTrue();
        assertThat(ConsoleTranscript.isTranscript("bash", "echo a\n$ ls")).isTrue();
        assertThat(ConsoleTranscript.isTranscript("bash", "# restart the agent\nsystemctl restart agent")).isFalse();
    }
}
