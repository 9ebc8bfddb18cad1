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
    void wordsBehindABareHashThatAreNoCommandAreAComment() {
        assertThat(ConsoleTranscript.commands("# check the leader first\n$ patronictl list\n+ Cluster: pg"))
                .isEqualTo("patronictl list");
        assertThat(ConsoleTranscript.commands("# systemctl status patroni\n  Active: active (running)"))
                .isEqualTo("systemctl status patroni");
        assertThat(ConsoleTranscript.commands("# pwd\n/root\n# ls\nanaconda-ks.cfg")).isEqualTo("pwd\nls");
    }

    @Test
    void inABlockMarkedConsoleAnyProgramBehindRootsPromptIsACommandButACommentIsNot() {
        String restore = "# gitlab-backup restore BACKUP=1727654400_2024_09_30\nUnpacking backup ... done";

        assertThat(ConsoleTranscript.commands(restore, true)).isEqualTo("gitlab-backup restore BACKUP=1727654400_2024_09_30");
        assertThat(ConsoleTranscript.commands(restore, false)).as("unmarked, the line may be a comment").isEmpty();
        assertThat(ConsoleTranscript.commands("# check the leader first\n$ patronictl list\n+ Cluster: pg", true))
                .isEqualTo("patronictl list");
        assertThat(ConsoleTranscript.commands("$ grep maxmemory /etc/redis/redis.conf\n# maxmemory <bytes>", true))
                .as("beside a user's prompt, a commented line is output").isEqualTo("grep maxmemory /etc/redis/redis.conf");
    }

    @Test
    void aProgramAloneBehindRootsPromptIsACommandAndAHeadingOfOutputIsNot() {
        assertThat(ConsoleTranscript.commands("# galera_new_cluster\n# mysql -e \"SHOW STATUS\"\n| wsrep_cluster_size | 1 |"))
                .isEqualTo("galera_new_cluster\nmysql -e \"SHOW STATUS\"");
        assertThat(ConsoleTranscript.commands("# redis-server\n# Replication\nrole:master")).isEqualTo("redis-server");
    }

    @Test
    void whatIsTypedAtUBootsPromptIsTheCommandAndIrbsAnswerIsNoPrompt() {
        String console = "=> setenv serverip 10.0.0.5\n=> tftpboot ${loadaddr} recovery.itb\nBytes transferred = 8123456\n"
                + "U-Boot> bootm ${loadaddr}";
        assertThat(ConsoleTranscript.isTranscript("console", console)).isTrue();
        assertThat(ConsoleTranscript.commands(console))
                .isEqualTo("setenv serverip 10.0.0.5\ntftpboot ${loadaddr} recovery.itb\nbootm ${loadaddr}");
        assertThat(ConsoleTranscript.withoutPrompt("=> nil")).isEqualTo("=> nil");
    }

    @Test
    void loadBalancersPromptsAreStripped() {
        assertThat(ConsoleTranscript.commands("admin@(bigip-01)(cfg-sync In Sync)(Active)(/Common)(tmos)# show cm sync-status\n"
                + "Status  In Sync")).isEqualTo("show cm sync-status");
        assertThat(ConsoleTranscript.commands("> show lb vserver vs_shop_https\n        State: DOWN\n Done"))
                .isEqualTo("show lb vserver vs_shop_https");
        assertThat(ConsoleTranscript.commands("> show dbs\nadmin  0.000GB")).isEmpty();
    }

    @Test
    void theShellsOwnPromptInAContainerIsStripped() {
        assertThat(ConsoleTranscript.isTranscript("bash", "bash-5.1$ ./bin/mask --db shop\nmasked 1200 rows")).isTrue();
        assertThat(ConsoleTranscript.commands("$ kubectl exec -it deploy/tools -- bash\nbash-5.1$ ./bin/mask --db shop\n"
                + "masked 1200 rows\nbash-5.1$ exit")).isEqualTo("kubectl exec -it deploy/tools -- bash\n./bin/mask --db shop\nexit");
    }

    @Test
    void bracketedRootAndWindowsPromptsAreStripped() {
        assertThat(ConsoleTranscript.commands("[root@app-01 ~]# systemctl stop tomcat\n[root@app-01 ~]# ps -ef | grep [c]atalina"))
                .isEqualTo("systemctl stop tomcat\nps -ef | grep [c]atalina");
        assertThat(ConsoleTranscript.commands("C:\\Windows\\system32> iisreset /status\nStatus for IIS Admin Service : Running"))
                .isEqualTo("iisreset /status");
    }

    @Test
    void networkDevicePromptsAreStrippedInEveryMode() {
        assertThat(ConsoleTranscript.commands("leaf-07#configure terminal\nleaf-07(config)#vlan 2140\n"
                + "leaf-07(config-vlan-2140)#name app-payments\nleaf-07(config-vlan-2140)#exit"))
                .isEqualTo("configure terminal\nvlan 2140\nname app-payments\nexit");
        assertThat(ConsoleTranscript.commands("netops@mx480-edge-01> show bgp summary | match Establ\nGroups: 4 Peers: 9"))
                .isEqualTo("show bgp summary | match Establ");
        assertThat(ConsoleTranscript.commands("admin@PA-3220> show system info\napp-version: 8799-8509"))
                .isEqualTo("show system info");
        assertThat(ConsoleTranscript.isTranscript("", "edge-rtr-01#show ip bgp summary\nBGP router identifier 10.0.0.1"))
                .isTrue();
    }

    @Test
    void aDevicesTranscriptKeepsEveryCommandAsItsOwnLineAndItsErrorsAsOutput() {
        assertThat(ConsoleTranscript.commands("user@mx480> configure\nEntering configuration mode\n"
                + "user@mx480# set interfaces ge-0/0/1 disable\nuser@mx480# commit\ncommit complete"))
                .isEqualTo("configure\nset interfaces ge-0/0/1 disable\ncommit");
        assertThat(ConsoleTranscript.commands("core-sw#show ip bgp summary\n% BGP not active"))
                .isEqualTo("show ip bgp summary");
        assertThat(ConsoleTranscript.commands("sw-01(config-if)#description John's desk\nsw-01(config-if)#shutdown\n"
                + "sw-01(config-if)#end")).isEqualTo("description John's desk\nshutdown\nend");
    }

    @Test
    void outputThatLooksLikeADevicePromptIsNoCommand() {
        assertThat(ConsoleTranscript.commands("c9300#show switch\nSwitch#   Role    Mac Address\n*1       Active  00aa.bb"))
                .isEqualTo("show switch");
        assertThat(ConsoleTranscript.isTranscript("", "cat>notes.txt")).isFalse();
    }

    @Test
    void whatIsTypedIntoAnInteractiveProgramIsNoShellCommand() {
        assertThat(ConsoleTranscript.commands("$ redis-cli -h redis-s1.prod.internal -p 26379\n"
                + "redis-s1.prod.internal:26379> SENTINEL get-master-addr-by-name cache-main\n1) \"10.20.1.12\"\n"
                + "redis-s1.prod.internal:26379> exit")).isEqualTo("redis-cli -h redis-s1.prod.internal -p 26379");
        assertThat(ConsoleTranscript.commands("$ mysql -u root -p\nmysql> show slave status\\G\nmysql> exit"))
                .isEqualTo("mysql -u root -p");
        assertThat(ConsoleTranscript.commands("$ sqlplus / as sysdba\nSQL> SELECT 1 FROM dual;\nSQL> exit"))
                .isEqualTo("sqlplus / as sysdba");
    }

    @Test
    void whatIsTypedIntoADeviceAfterSshFromTheShellIsNoShellCommand() {
        assertThat(ConsoleTranscript.commands("$ ssh netops@acc-sw-03.corp.internal\n"
                + "acc-sw-03#show interfaces GigabitEthernet1/0/24 status\nGi1/0/24  connected  120"))
                .isEqualTo("ssh netops@acc-sw-03.corp.internal");
    }

    @Test
    void theContinuationPromptIsNoPartOfTheCommand() {
        assertThat(ConsoleTranscript.commands("$ vault write auth/approle/role/x \\\n> token_ttl=1h \\\n> token_max_ttl=4h\nSuccess!"))
                .isEqualTo("vault write auth/approle/role/x \\\ntoken_ttl=1h \\\ntoken_max_ttl=4h");
    }

    @Test
    void aHereDocumentTypedBehindTheContinuationPromptStaysInItsCommand() {
        assertThat(ConsoleTranscript.commands("$ kubectl apply -f - <<EOF\n> kind: Namespace\n> metadata: {name: x}\n> EOF\nnamespace/x created"))
                .isEqualTo("kubectl apply -f - <<EOF\nkind: Namespace\nmetadata: {name: x}\nEOF");
    }

    @Test
    void aBlockTheShellWaitsToSeeClosedGoesOnBehindTheContinuationPrompt() {
        assertThat(ConsoleTranscript.commands("$ for h in a b; do\n>   ssh $h uptime\n> done\n 10:00 up 3 days"))
                .isEqualTo("for h in a b; do\n  ssh $h uptime\ndone");
    }

    @Test
    void aHereDocumentPastedWithoutTheContinuationPromptStaysInItsCommand() {
        String transcript = "$ curl -s -X PUT http://127.0.0.1:8500/v1/agent/service/register \\\n    --data @- <<'EOF'\n"
                + "{ \"Name\": \"billing-api\" }\nEOF\n$ consul catalog services\nbilling-api";
        assertThat(ConsoleTranscript.commands(transcript)).isEqualTo("curl -s -X PUT http://127.0.0.1:8500/v1/agent/service/register \\\n"
                + "    --data @- <<'EOF'\n{ \"Name\": \"billing-api\" }\nEOF\nconsul catalog services");
    }

    @Test
    void aBodyLineThatStartsWithARedirectIsNoContinuationPrompt() {
        String transcript = "$ sudo bash <<'EOF'\n> /var/log/billing/debug.log\nchmod 640 /var/log/billing/debug.log\nEOF";
        assertThat(ConsoleTranscript.commands(transcript)).isEqualTo(transcript.substring(2));
    }

    @Test
    void aHereStringIsNoHereDocument() {
        assertThat(ConsoleTranscript.commands("$ grep -c ok <<< done\n1\ndone")).isEqualTo("grep -c ok <<< done");
    }

    @Test
    void powerShellsContinuationLinesStayInTheirCommand() {
        String transcript = "PS C:\\Temp\\agent> Get-Service -Name otel-agent |\n>> Select-Object Name, Status\n\n"
                + "Name       Status\n----       ------\notel-agent Running";
        assertThat(ConsoleTranscript.commands(transcript)).isEqualTo("Get-Service -Name otel-agent |\nSelect-Object Name, Status");
    }

    @Test
    void aLineBehindAnotherProgramsPromptIsNoContinuation() {
        assertThat(ConsoleTranscript.commands("$ mongo --quiet\n> db.users.countDocuments()\n42")).isEqualTo("mongo --quiet");
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
        assertThat(ConsoleTranscript.isTranscript("powershell", "PS C:\\> Get-Service w3svc\nRunning")).isTrue();
        assertThat(ConsoleTranscript.isTranscript("", "[root@db ~]# df -h\nFilesystem Size")).isTrue();
    }

    @Test
    void hashCommandsFollowedByOutputAreARootPromptEvenInAShellBlock() {
        assertThat(ConsoleTranscript.isTranscript("", "# systemctl status tomcat\n● tomcat.service - Tomcat")).isTrue();
        assertThat(ConsoleTranscript.isTranscript("", "# clear the work folder\nrm -rf /opt/tomcat/work/*")).isFalse();
        assertThat(ConsoleTranscript.isTranscript("bash", "# rotate db credentials\nNAMESPACE=prod\nkubectl delete secret db")).isFalse();
        assertThat(ConsoleTranscript.isTranscript("", "# rotate db credentials\nNAMESPACE=prod")).isFalse();
        String update = "# yum clean all\n# yum -y update openssl\nLoaded plugins: fastestmirror\nComplete!";
        assertThat(ConsoleTranscript.isTranscript("shell", update)).isTrue();
        assertThat(ConsoleTranscript.commands(update)).isEqualTo("yum clean all\nyum -y update openssl");
        assertThat(ConsoleTranscript.isTranscript("bash", "# yum clean all\nyum -y update openssl")).as("a script").isFalse();
        assertThat(ConsoleTranscript.isTranscript("bash", "# yum clean all\n# yum -y update openssl")).as("no output").isFalse();
    }
}
