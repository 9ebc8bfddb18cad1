package io.playbooks.conversion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"sudo systemctl restart storefront", "kubectl cordon ${NODE_NAME}", "./run.sh",
            "./scripts/deploy.sh production v2", "kafka-topics.sh --describe", "patronictl -c /etc/p.yml list",
            "Get-Service -Name X", "df -h /var", "$ ls -la", "git tag -a v1 -m x", "/opt/app/bin/start --now",
            "GET https://es:9200/_cat/indices", "RAILS_ENV=production bundle exec rake jobs:clear",
            "A=1 B=\"two words\" ./migrate.sh", "ceph osd tree down", "pcs status", "NEW_KEY=$(consul keygen)",
            "TOKEN=`vault print token`", "Rscript -e 'packageVersion(\"x\")'", "VBoxManage list runningvms",
            "PsExec \\\\prt-01 -s net stop spooler", "DEL /Q /F C:\\Windows\\System32\\spool\\PRINTERS\\*",
            "kafkactl describe consumer-group orders", "cachectl drain node-3", "linode-cli linodes list",
            "ansible-vault edit group_vars/all/vault.yml", "findmnt /data", "ipconfig /flushdns", "uptime",
            "bin/rails db:migrate", "tmsh save sys config", "gam delete user ${LEAVER_EMAIL}", "awx jobs stdout 17",
            "strmqm QM_ORDERS", "winmgmt /verifyrepository", "configure terminal", "show ip interface brief",
            "request system reboot", "pvecm status", "module load EasyBuild/4.9.1", "module avail GROMACS",
            "ml GROMACS/2023.3", "kamcmd tls.reload", "dnscmd /clearcache", "stripe trigger payment_intent.succeeded", "rundll32 printui.dll,PrintUIEntry /k /n \"EPSON TM-T88VI\"", "asterisk -rx \"core show channels\"",
            "(Get-WebBinding -Name 'Portal' -Protocol https).AddSslCertificate('<thumbprint>', 'My')",
            "$binding.AddSslCertificate($thumbprint, 'My')", "$cert = Get-ChildItem Cert:\\LocalMachine\\My",
            "%windir%\\system32\\inetsrv\\appcmd.exe stop site /site.name:Claims", "appcmd stop site /site.name:Claims",
            "\"C:\\Program Files\\SQL\\sqlcmd.exe\" -S SQLPRD01 -Q \"SELECT 1\"", "tnsping ERPPRD", "opatch lsinventory",
            "xcopy D:\\a E:\\b /E", ".\\run.ps1", "grub-install /dev/sdb", "update-grub", "mkfs.ext4 /dev/sdb1",
            "blkid", "write memory", "copy running-config startup-config", "clear ip bgp 203.0.113.1 soft",
            "install remove inactive", "checkpoint PRE-CHG0043100", "rollback running-config checkpoint pre-chg",
            "boot system flash:EOS-4.30.5M.swi", "dir flash: | include free", "verify /md5 flash:cat9k.bin",
            "iptables-save > /root/iptables.rules", "iptables-restore < /root/iptables.rules", "sort /tmp/a.txt",
            "diff <(nft list ruleset) /root/nft.conf", "chattr +i /etc/resolv.conf", "pg_dump orders > ./orders.sql",
            "/dev/shm/avml --compress /evidence/host.lime", "/usr/local/sbin/reload-edge.sh",
            "apt-cache policy postgresql-16", "Restart-Service Spooler", "ConvertTo-Json -Depth 5", "Get-MgUser",
            "NET STOP Spooler", "ROBOCOPY C:\\a D:\\b /MIR", "bdf /u01", "SAPCAR -xvf igsexe.sar", "stopsap db",
            "opscheck | grep FAILED", "Retry-Queue -Identity \"EX01\\3\"", "dfsrdiag pollad", "sconfig", "sync && sudo eject /dev/sdX",
            "mender-update commit", "bcdboot W:\\Windows /s S: /f UEFI",
            "[ -f /var/run/reboot-required ] && cat /var/run/reboot-required.pkgs", "postconf relayhost", "mailq",
            "jconsole localhost:9010", "netplan apply", "Get-Process | ForEach-Object { $_.Name }",
            "ForEach-Object -Process { $_ }", "msbuild Shop.sln /t:Restore", "signtool verify /pa /v out\\Shop.msi",
            "xcrun simctl list devices", "fastlane ios beta",
            "vim-cmd vmsvc/getallvms", "storcli64 /c0/e252/s4 show all", "proxmox-boot-tool kernel pin 6.5.13-5-pve", "unset NEW_API_KEY",
            "/etc/init.d/httpd configtest", "/etc/rc.d/init.d/network restart", "/sbin/service httpd restart",
            "/bin/systemctl restart tomcat", ". oraenv", ". /home/oracle/.bash_profile", "timeout 5 ls /mnt/shared || echo hung",
            "timeout 60 /etc/init.d/batch-agent stop", "getenforce", "runlevel", "telinit 3"})
    void commandsStartWithAProgram(String code) {
        assertThat(CommandRecognizer.isCommand(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/kafka/server.properties", "values-prod.yaml", "DATABASE_HOST", "limit=200", "COUNT=$(number of pods)", "Host db-*.prod.internal",
            "HostName bastion-prod.corp.example.net", "gzip on;", "host replication replicator 10.20.30.0/24 scram-sha-256",
            "X-Request-Id", "Authorization: Bearer <token>", "GET /v2/stock/{sku}", "400", "--atomic", "orders.v1",
            "kubectl", "checkout", "cpu: 500m", "/tmp/gateway-threads.txt", "errors[]", "",
            "select count(*) from orders", "orders-api 3/3 Running 0 4d", "log_level = debug", "the orders queue",
            "retry after a minute", "sub vcl_recv {", "Show the logs", "SHOW PROCESSLIST", "orders queue",
            "no space left on device", "too many open files", "connection reset by peer", "root /var/www/html",
            "error_log /var/log/nginx/error.log", "$HOME/.kube/config", "$env:KUBECONFIG", "(optional)",
            "shop.example.com is down", "copy the report", "clear the cache", "write access", "/dev/shm/avml",
            "cpu > 90", "latency > /2", "./charts/orders-api/values-prod.yaml", "./terraform.tfvars", "./charts/orders-api/",
            "/etc/nginx/nginx.conf", "/usr/local/bin/helm", "/etc/nginx/sites-enabled/app -> ../sites-available/app",
            "Corp-Secure", "EAP-TLS", "./Vendor/MSFT/WiFi/Profile/Corp-Secure/WlanXml", "KILL 87 WITH STATUSONLY",
            "SHUTDOWN WITH NOWAIT", "[    0.000000] Linux version 6.1.0", "[  OK  ] Started nginx.service",
            "name | host | port", "Set-Cookie", "Save-Data", "max_standby_streaming_delay = -1", "host = 10.0.4.12", "Request-Id",
            "Security groups", "/etc/init.d/httpd", ". . .", ". Stop the agent before you upgrade the package.",
            "timeout 30 seconds", "/sbin/reboot", "/bin/sh: 1: pg_dump: not found", "/etc/init.d/httpd is missing",
            "module \"vpc\" {"})
    void pathsValuesAndKeysAreNotCommands(String code) {
        assertThat(CommandRecognizer.isCommand(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kamcmd dispatcher.set_state i ${SET_ID} ${NODE_URI}", "vtl verify", "acmectl renew --all",
            "sysconf regenCert"})
    void aStepTablesCommandColumnRunsProgramsNoListKnows(String code) {
        assertThat(CommandRecognizer.isCommandOfAnyProgram(code)).isTrue();
    }

    @Test
    void plainTextIsACommandWhenItReadsAsNoSentence() {
        assertThat(CommandRecognizer.isPlainTextCommand("sudo storcli64 /c0/e252/s4 show rebuild")).isTrue();
        assertThat(CommandRecognizer.isPlainTextCommand("find / -name core -mtime +7")).isTrue();
        assertThat(CommandRecognizer.isPlainTextCommand("Find the leader in the UI")).isFalse();
        assertThat(CommandRecognizer.isPlainTextCommand("watch the replication lag")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cassandra/cassandra-env.sh", "tcp_keepalives_idle = 60", "db-replica-03 IN A 10.20.1.13",
            "vrrp_instance VI_1",
            "LOG_LEVEL=debug", "wait for the green light", "uptime"})
    void aStepTablesCommandColumnStillHoldsFilesSettingsAndRecordsThatAreNoCommands(String code) {
        assertThat(CommandRecognizer.isCommandOfAnyProgram(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"# clear the compiled JSPs first\nrm -rf /opt/tomcat/work/*", "\n#!/bin/bash\n# a comment\nsystemctl stop x",
            "# systemctl status tomcat\n● tomcat.service", "interface Gi1/0/12\nshutdown",
            "request system software add /var/tmp/junos-23.4R2.tgz validate", "tmsh save sys config", "lvs /dev/vg0"})
    void aCodeBlockStartsWithACommandAfterItsCommentLines(String code) {
        assertThat(CommandRecognizer.startsWithCommand(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"# settings for the app\nport: 8080", "LOG_LEVEL=debug", "# only a comment"})
    void aCodeBlockOfCommentsAndValuesHoldsNoCommand(String code) {
        assertThat(CommandRecognizer.startsWithCommand(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls", "ls -la /tmp", "kubectl  get\tpods", " leading space", "\t\ttabs first",
            "vertical\u000Btab and\fform feed", "crlf\r\nline", "trailing  ", "a\u00a0b no-break space stays"})
    void wordsAreWhatSplittingAtWhitespaceRunsGives(String text) {
        assertThat(CommandRecognizer.words(text)).containsExactly(text.split("\\s+"));
    }
}
