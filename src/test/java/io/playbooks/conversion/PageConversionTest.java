package io.playbooks.conversion;

import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Image;
import io.playbooks.playbook.Parameter;
import io.playbooks.playbook.Playbook;
import io.playbooks.playbook.Prerequisite;
import io.playbooks.playbook.Snippet;
import io.playbooks.playbook.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One behaviour of the extraction conventions per test, on small storage-format pages. */
class PageConversionTest {

    private static final String CODE = "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">%s"
            + "</ac:parameter><ac:plain-text-body><![CDATA[%s]]></ac:plain-text-body></ac:structured-macro>";

    private static String code(String language, String body) {
        return String.format(CODE, language, body);
    }

    private static Playbook convert(String body) {
        return convert("Runbook: restart the app", body);
    }

    private static Playbook convert(String title, String body) {
        Conversion conversion = new PageConverter(Map.of("INFRA", "infrastructure")).convert(new SourcePage("42", "INFRA",
                title, List.of("runbook"), 7, body, "https://x.atlassian.net/wiki/spaces/INFRA/pages/42",
                null, List.of()));
        assertThat(conversion.problems()).isEmpty();
        assertThat(conversion.playbook()).as("playbook of " + body).isNotNull();
        return conversion.playbook();
    }

    private static List<String> actions(List<Step> steps) {
        return steps.stream().map(Step::action).toList();
    }

    @Test
    void orderedListItemsAreStepsWithShortName() {
        Playbook playbook = convert("<p>Restarts the app.</p><h2>Steps</h2><ol><li>Connect to the server: "
                + "<code>ssh deploy@app-01</code></li><li>Check the dashboard and confirm the error rate.</li></ol>");
        Step first = playbook.steps().get(0);
        assertThat(first.id()).isEqualTo("step_1");
        assertThat(first.name()).isEqualTo("Connect to the server");
        assertThat(first.args()).isEqualTo(Map.of("command", "ssh deploy@app-01"));
        Step second = playbook.steps().get(1);
        assertThat(second.action()).isEqualTo("noop");
        assertThat(second.args()).containsEntry("message", "Check the dashboard and confirm the error rate.");
        assertThat(playbook.description()).isEqualTo("Restarts the app.");
    }

    @Test
    void aFirstHeadingThatRepeatsTheTitleIsTheTitleNotARollbackSection() {
        Playbook playbook = convert("Roll back a failed WAR deployment", "<h1>Roll back a failed WAR deployment</h1>"
                + "<h2>Steps</h2><ol><li>Stop Tomcat: <code>sudo systemctl stop tomcat</code></li>"
                + "<li>Restore the previous WAR: <code>sudo cp /opt/releases/shop-prev.war /opt/tomcat/webapps/shop.war</code></li>"
                + "</ol><h2>Rollback</h2><ol><li>Start Tomcat again: <code>sudo systemctl start tomcat</code></li></ol>");

        assertThat(actions(playbook.steps())).containsExactly("shell", "shell");
        assertThat(playbook.rollback()).extracting(step -> step.args().get("command"))
                .containsExactly("sudo systemctl start tomcat");
    }

    @Test
    void teletypeTextOfOldEditorsIsInlineCode() {
        Playbook playbook = convert("<ol><li>Test the configuration: <tt>sudo apachectl configtest</tt></li>"
                + "<li>Reload: <tt>sudo apachectl graceful</tt></li></ol>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("sudo apachectl configtest", "sudo apachectl graceful");
    }

    @Test
    void aScriptThatTheStepCreatesIsAFileToWriteNotACommandToRun() {
        String script = "#!/bin/bash\nfind /opt/tomcat/logs -name '*.gz' -mtime +30 -delete";
        Playbook playbook = convert("<ol><li>Create the script <code>/usr/local/bin/log-cleanup.sh</code> with this content:"
                + code("bash", script) + "</li>"
                + "<li>Save it as <code>./cleanup.sh</code> in the repository.</li>"
                + "<li>Run the script <code>/usr/local/bin/log-cleanup.sh</code></li>"
                + "<li>Add the log folder to the file <code>/usr/local/sbin/cleanup-paths.sh</code>.</li>"
                + "<li>Paste the following into the terminal:" + code("bash", "sudo systemctl restart tomcat") + "</li>"
                + "<li>Create the helper <code>/usr/local/sbin/drain.sh</code> with this content:" + code("sh", "kubectl drain $1")
                + "</li></ol>");

        assertThat(playbook.steps()).extracting(Step::action).containsExactly("noop", "noop", "shell", "noop", "shell", "noop");
        assertThat(playbook.steps().get(5).name()).isEqualTo("Create the helper /usr/local/sbin/drain.sh with this content");
        assertThat(playbook.steps().get(0).snippets()).containsExactly(new Snippet("bash", script));
        assertThat(playbook.steps().get(2).args()).containsEntry("command", "/usr/local/bin/log-cleanup.sh");
        assertThat(playbook.steps().get(4).args()).containsEntry("command", "sudo systemctl restart tomcat");
    }

    @Test
    void aStepsFullTextIsItsDescriptionOnlyWhereItSaysMoreThanItsNameAndAction() {
        Playbook playbook = convert("<ol><li>Connect to the server: <code>ssh deploy@app-01</code></li>"
                + "<li>Check the dashboard and confirm the error rate.</li>"
                + "<li>Restart: <code>sudo systemctl restart app</code> and wait for the health check to pass.</li>"
                + "<li>Stop the old worker:" + code("bash", "sudo systemctl stop worker") + "</li></ol>");
        List<Step> steps = playbook.steps();
        assertThat(steps.get(0).description()).as("name and command only").isNull();
        assertThat(steps.get(1).description()).as("a noop's message is its full text").isNull();
        assertThat(steps.get(2).description())
                .isEqualTo("Restart: sudo systemctl restart app and wait for the health check to pass.");
        assertThat(steps.get(3).action()).isEqualTo("shell");
        assertThat(steps.get(3).description()).as("the name and a colon").isNull();
    }

    @Test
    void aProgramByItsBinPathAloneInACodeBlockIsRunButProseAfterADotIsNot() {
        String noformat = "<ac:structured-macro ac:name=\"noformat\"><ac:plain-text-body><![CDATA[%s]]></ac:plain-text-body>"
                + "</ac:structured-macro>";
        Playbook playbook = convert("<ol><li>Reboot from the iLO console:" + String.format(noformat, "/sbin/reboot")
                + "</li><li>Read the vendor's notes:" + String.format(noformat, ". Stop the agent before you upgrade.\n"
                + ". The package keeps your zabbix_agentd.conf.") + "</li><li>Load the environment:"
                + String.format(noformat, ". oraenv") + "</li></ol>");

        assertThat(actions(playbook.steps())).containsExactly("shell", "noop", "shell");
        assertThat(playbook.steps().get(0).args()).containsEntry("command", "/sbin/reboot");
    }

    @Test
    void aParagraphThatCallsItselfAStepIsOneWhateverItsFirstWord() {
        Playbook playbook = convert("<p><strong>Step 1.</strong> Stop replication on db-rep01: <code>mysql -e 'STOP SLAVE'</code></p>"
                + "<p><strong>Step 2.</strong>&nbsp;On db-mst01, take a consistent dump: "
                + "<code>mysqldump --single-transaction orders &gt; /backup/orders.sql</code></p>"
                + "<p><strong>Step 3.</strong> On the replica, tell the team in #dba that the resync has started.</p>");

        assertThat(playbook.steps()).hasSize(3);
        assertThat(actions(playbook.steps())).containsExactly("shell", "shell", "noop");
        assertThat(playbook.steps().get(1).args()).containsEntry("command", "mysqldump --single-transaction orders > /backup/orders.sql");
    }

    @Test
    void aStepThatIncludesASharedStepNamesTheIncludedPage() {
        String include = "<ac:structured-macro ac:name=\"%s\"><ac:parameter ac:name=\"\"><ac:link><ri:page "
                + "ri:content-title=\"%s\" /></ac:link></ac:parameter></ac:structured-macro>";
        Playbook playbook = convert("<ol><li>" + String.format(include, "include", "Shared step - Announce a database incident")
                + "</li><li>Check the replica: <code>pg_isready -h db-2</code></li><li>If the application is at fault: "
                + String.format(include, "excerpt-include", "Shared step - Roll back a release") + "</li></ol>");

        assertThat(playbook.steps()).hasSize(3);
        assertThat(playbook.steps().get(0).name()).isEqualTo("Shared step - Announce a database incident");
        assertThat(playbook.steps().get(2).args().get("message").toString()).contains("Shared step - Roll back a release");
    }

    @Test
    void aCommandTheStepForbidsIsNoActionOfIt() {
        Playbook playbook = convert("<ol><li>Restart the replica: <code>gcloud sql instances restart orders-replica</code></li>"
                + "<li>If a restart does not help, ask the DBA on call to recreate the replica. Do not run "
                + "<code>gcloud sql instances promote-replica orders-replica</code>: it breaks replication for good.</li>"
                + "<li>Never use <code>kubectl delete pvc data-0</code> here; ask first.</li></ol>");

        assertThat(actions(playbook.steps())).containsExactly("shell", "noop", "noop");
        assertThat(playbook.steps().get(1).args().get("message").toString()).contains("promote-replica");
    }

    @Test
    void aWarningPanelBesideThePrerequisitesIsThePlaybooks() {
        Playbook playbook = convert("<h2>Before you begin</h2><ul><li>Membership of the pki-operators group</li></ul>"
                + "<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Renew one proxy at a time.</p>"
                + "</ac:rich-text-body></ac:structured-macro><h2>Procedure</h2><ol><li>Reload nginx: "
                + "<code>sudo systemctl reload nginx</code></li><li>Check the site.</li></ol>");

        assertThat(playbook.warnings()).containsExactly("Renew one proxy at a time.");
        assertThat(playbook.prerequisites()).hasSize(1);
    }

    @Test
    void severalCommandsOfAStepAreJoinedAndANestedBulletListBelongsToItsStep() {
        Playbook playbook = convert("<ol><li>Free space:<ul><li><code>sudo journalctl --vacuum-size=500M</code></li>"
                + "<li>Heap dumps: ask the team.</li></ul>" + code("bash", "df -h /var") + "</li><li>Stop: <code>sudo systemctl stop a</code></li></ol>");
        assertThat(playbook.steps()).hasSize(2);
        assertThat(playbook.steps().get(0).args()).containsEntry("command", "sudo journalctl --vacuum-size=500M\ndf -h /var");
        assertThat(playbook.steps().get(0).description()).contains("Heap dumps: ask the team.");
    }

    @Test
    void nestedOrderedListGivesSubsteps() {
        Playbook playbook = convert("<ol><li>Verify:<ol><li>List pods: <code>kubectl get pods</code></li>"
                + "<li>Confirm only daemon sets remain.</li></ol></li><li>Stop: <code>sudo systemctl stop a</code></li></ol>");
        Step verify = playbook.steps().get(0);
        assertThat(verify.action()).isEqualTo("noop");
        assertThat(verify.substeps()).extracting(Step::id).containsExactly("step_1_1", "step_1_2");
        assertThat(actions(verify.substeps())).containsExactly("shell", "noop");
    }

    @Test
    void numberedHeadingsAreStepsWithEverythingUnderThemUpToTheNextHeadingOfTheirLevel() {
        Playbook playbook = convert("<h2>Procedure</h2><h3>Step 1: Copy the files</h3><p>From the jump host:</p>"
                + code("bash", "scp a b:/tmp/") + "<h4>Details</h4><p>More.</p>" + code("bash", "ls /tmp")
                + "<h3>Step 2 - Test the configuration</h3><p>Run <code>sudo nginx -t</code> and read it.</p>"
                + "<h3>3. Reload nginx</h3>" + code("bash", "sudo systemctl reload nginx") + "<h2>See also</h2><ol><li>Other page</li></ol>");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Copy the files", "Test the configuration", "Reload nginx");
        assertThat(playbook.steps().get(0).args()).containsEntry("command", "scp a b:/tmp/\nls /tmp");
        assertThat(playbook.steps().get(1).args()).containsEntry("command", "sudo nginx -t");
    }

    @Test
    void codeAfterTheListOfStepsIsNoStepButASampleKeptWithTheLastStep() {
        Playbook playbook = convert("<h2>Steps</h2><ol><li>Restart: <code>sudo systemctl restart app</code></li></ol>"
                + "<p>Then check that it answers:</p>" + code("bash", "curl -fsS http://localhost:8080/health")
                + "<p>The output looks like this:</p>" + code("", "Active: active (running)"));

        assertThat(playbook.steps()).hasSize(1);
        Step last = playbook.steps().get(0);
        assertThat(last.args()).containsEntry("command", "sudo systemctl restart app");
        assertThat(last.notes()).containsExactly("Then check that it answers:", "The output looks like this:");
        assertThat(last.snippets()).extracting(Snippet::language, Snippet::code).containsExactly(
                tuple("bash", "curl -fsS http://localhost:8080/health"), tuple("text", "Active: active (running)"));
    }

    @Test
    void aRollbackHeadingThatNamesItsKindInBracketsOpensARollbackSection() {
        Playbook playbook = convert("<h2>Steps</h2><ol><li>Fail over: <code>aws rds failover-global-cluster --id g</code></li></ol>"
                + "<h2>Fail back (rollback)</h2><ol><li>Fail back: <code>aws rds failover-global-cluster --id g --back</code></li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Fail over");
        assertThat(playbook.rollback()).extracting(Step::name).containsExactly("Fail back");
    }

    @Test
    void stepTablesGiveOneStepPerRow() {
        Playbook playbook = convert("<table><tbody><tr><th>Step</th><th>Action</th><th>Command</th></tr>"
                + "<tr><td>1</td><td>Describe the topic</td><td><code>kafka-topics.sh --describe --topic t</code></td></tr>"
                + "<tr><td>2</td><td>Tell the owners</td><td><br/></td></tr></tbody></table>");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Describe the topic", "Tell the owners");
        assertThat(actions(playbook.steps())).containsExactly("shell", "noop");
    }

    @Test
    void sectionsAndStepHeadingsInGermanAreReadAsTheirEnglishKin() {
        Playbook playbook = convert("<h2>Voraussetzungen</h2><ul><li>SSH-Zugang zu den Knoten</li></ul>"
                + "<h3>Schritt 1: Zertifikate prüfen</h3><p><code>sudo kubeadm certs check-expiration</code></p>"
                + "<h3>Schritt 2: Zertifikate erneuern</h3><p><code>sudo kubeadm certs renew all</code></p>"
                + "<h2>Zurückrollen</h2><ol><li>Sicherung einspielen: <code>sudo cp -a /root/pki /etc/kubernetes/pki</code></li></ol>"
                + "<h2>Siehe auch</h2><ol><li>Kubernetes-Upgrade</li></ol>");

        assertThat(playbook.prerequisites()).extracting(p -> p.description()).containsExactly("SSH-Zugang zu den Knoten");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Zertifikate prüfen", "Zertifikate erneuern");
        assertThat(playbook.rollback()).extracting(step -> step.args().get("command"))
                .containsExactly("sudo cp -a /root/pki /etc/kubernetes/pki");
    }

    @Test
    void japaneseSectionsAreToldByTheirStartAndStepHeadingsByTheirNumber() {
        Playbook playbook = convert("<h2>前提条件</h2><ul><li>踏み台サーバーへの SSH 接続</li></ul>"
                + "<h3>手順1：設定を確認する</h3><p><code>sudo nginx -t</code></p>"
                + "<h3>手順2：設定を反映する</h3><p><code>sudo systemctl reload nginx</code></p>"
                + "<h2>切り戻し手順</h2><ol><li>前の設定に戻す：<code>sudo cp /etc/nginx/nginx.conf.bak /etc/nginx/nginx.conf</code></li></ol>"
                + "<h2>関連ページ</h2><ol><li>nginx 設定一覧</li></ol>");

        assertThat(playbook.prerequisites()).hasSize(1);
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("設定を確認する", "設定を反映する");
        assertThat(playbook.rollback()).hasSize(1);
    }

    @Test
    void aCaptionRowAboveAStepTableIsANoteOfItsFirstStepAndTheColumnNamesNoStep() {
        Playbook playbook = convert("<table><tbody><tr><th colspan=\"3\">Per broker, controller last</th></tr>"
                + "<tr><th>Step</th><th>Action</th><th>Command</th></tr>"
                + "<tr><td>1</td><td>Stop the broker</td><td><code>sudo systemctl stop kafka</code></td></tr>"
                + "<tr><td>2</td><td>Grow the volume</td><td>sudo xfs_growfs /var/lib/kafka</td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Stop the broker", "Grow the volume");
        assertThat(playbook.steps().get(0).notes()).containsExactly("Per broker, controller last");
        assertThat(playbook.steps().get(1).args()).as("a command typed as plain text in the Command column")
                .containsEntry("command", "sudo xfs_growfs /var/lib/kafka");
    }

    @Test
    void aCommandCellOfPlainTextLinesGivesEachLineAsACommandAndTheNameEndsBeforeIt() {
        Playbook playbook = convert("<table><tbody><tr><th>#</th><th>Description</th><th>Command</th></tr>"
                + "<tr><td>1</td><td>Check the workers</td><td><p>ps -o pid,cmd -C nginx</p>"
                + "<p>sudo tail -n 20 /var/log/nginx/error.log</p></td></tr>"
                + "<tr><td>2</td><td>Tell the DBA</td><td>Ask the DBA to watch the replicas</td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Check the workers",
                "Tell the DBA; Ask the DBA to watch the replicas");
        assertThat(playbook.steps().get(0).args()).containsEntry("command",
                "ps -o pid,cmd -C nginx\nsudo tail -n 20 /var/log/nginx/error.log");
        assertThat(playbook.steps().get(1).action()).isEqualTo("noop");
    }

    @Test
    void aPrerequisiteOfNoneIsLeftOutButAStepStillToBeWrittenStaysAStep() {
        Playbook playbook = convert("<h2>Prerequisites</h2><p>None.</p><h2>Steps</h2><ol><li>TODO</li>"
                + "<li>Restart the app: <code>sudo systemctl restart app</code></li><li><p>TBD</p></li></ol>");

        assertThat(playbook.prerequisites()).isEmpty();
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("TODO", "Restart the app", "TBD");
    }

    @Test
    void aCellThatOnlySaysItHoldsNothingIsNoPartOfTheStep() {
        Playbook playbook = convert("<table><tbody><tr><th>Step</th><th>Action</th><th>Command</th></tr>"
                + "<tr><td>1</td><td>Confirm the latency on the dashboard</td><td><p>-</p></td></tr>"
                + "<tr><td>2</td><td>Post the count in #ops</td><td>n/a</td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("message"))
                .containsExactly("Confirm the latency on the dashboard", "Post the count in #ops");
    }

    @Test
    void theCommandColumnOfAStepTableRunsEvenAProgramNoListKnows() {
        Playbook playbook = convert("<table><tbody><tr><th>Step</th><th>Action</th><th>Command</th></tr>"
                + "<tr><td>1</td><td>List the destinations</td><td><code>kamcmd dispatcher.list</code></td></tr>"
                + "<tr><td>2</td><td>Edit the environment file</td><td><code>/etc/cassandra/cassandra-env.sh</code></td></tr>"
                + "</tbody></table>");

        assertThat(actions(playbook.steps())).containsExactly("shell", "noop");
        assertThat(playbook.steps().get(0).args()).containsEntry("command", "kamcmd dispatcher.list");
    }

    @Test
    void aStepTableInAnotherLanguageGivesItsStepsToo() {
        Playbook playbook = convert("<table><tbody><tr><th>Paso</th><th>Acción</th><th>Comando</th></tr>"
                + "<tr><td>1</td><td>Comprobar los pods</td><td><code>kubectl -n pagos get pods</code></td></tr>"
                + "<tr><td>2</td><td>Avisar al equipo</td><td></td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Comprobar los pods", "Avisar al equipo");
        assertThat(actions(playbook.steps())).containsExactly("shell", "noop");
    }

    @Test
    void aRowAcrossTheWholeStepTableHeadsTheRowsBelowItAndIsNoStep() {
        Playbook playbook = convert("<table><tbody><tr><th>Step</th><th>Action</th><th>Command</th></tr>"
                + "<tr><td colspan=\"3\"><strong>Phase 1 - Stop writes</strong></td></tr>"
                + "<tr><td>1</td><td>Stop the writers</td><td><code>sudo systemctl stop writer</code></td></tr>"
                + "<tr><td colspan=\"3\"><strong>Phase 2 - Cut over</strong></td></tr>"
                + "<tr><td>2</td><td>Promote the replica</td><td><code>aws rds promote-read-replica --id r1</code></td></tr>"
                + "<tr><td colspan=\"3\">Repeat row 2 for every replica of the cluster</td></tr>"
                + "<tr><td>3</td><td>Tell the team</td><td></td></tr>"
                + "<tr><td colspan=\"3\">Phase 3 - Clean up</td></tr>"
                + "<tr><td colspan=\"3\">On every node run: <code>sudo systemctl restart kubelet</code></td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Stop the writers", "Promote the replica",
                "Tell the team", "On every node run");
        assertThat(playbook.steps()).extracting(Step::notes).containsExactly(List.of("Phase 1 - Stop writes"),
                List.of("Phase 2 - Cut over"), List.of("Repeat row 2 for every replica of the cluster"),
                List.of("Phase 3 - Clean up"));
        assertThat(playbook.steps().get(3).args()).as("a row across the table with code is a step")
                .containsEntry("command", "sudo systemctl restart kubelet");
    }

    @Test
    void proseAfterTheFirstStepIsNoDescriptionOfThePage() {
        Playbook playbook = convert("<h2>Step 1: Renew the certificate</h2><p>Run the renewal.</p>"
                + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[cmctl renew api-tls]]></ac:plain-text-body>"
                + "</ac:structured-macro><h2>Step 2: Check it</h2><p>Open the site.</p>"
                + "<h2>Troubleshooting</h2><p>If cmctl is not installed, use brew install cmctl.</p>");

        assertThat(playbook.description()).isNull();
        assertThat(convert("<ol><li>Restart: <code>sudo systemctl restart app</code></li></ol><p>Troubleshooting: read the log.</p>")
                .description()).as("after the list of a page without headings").isNull();
    }

    @Test
    void taskListsGiveOneStepPerTask() {
        Playbook playbook = convert("<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status>"
                + "<ac:task-body>Tag it: <code>git tag v1</code></ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id>"
                + "<ac:task-status>complete</ac:task-status><ac:task-body>Announce it</ac:task-body></ac:task></ac:task-list>");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Tag it", "Announce it");
        assertThat(actions(playbook.steps())).containsExactly("shell", "noop");
    }

    @Test
    void rollbackSectionStepsGoToRollback() {
        Playbook playbook = convert("<h2>Steps</h2><ol><li>Stop: <code>sudo systemctl stop a</code></li></ol>"
                + "<h2>Back out</h2><ol><li>Start again: <code>sudo systemctl start a</code></li><li>Tell the team.</li></ol>");
        assertThat(playbook.steps()).hasSize(1);
        assertThat(playbook.rollback()).extracting(Step::id).containsExactly("rollback_1", "rollback_2");
        assertThat(playbook.rollback().get(0).args()).containsEntry("command", "sudo systemctl start a");
    }

    @Test
    void aParameterTableWithTheNamesDownTheSideGivesTheParameters() {
        Playbook playbook = convert("<h2>Parameters</h2><table><tbody><tr><th>HOST</th><td>Host name as in hosts.cfg</td></tr>"
                + "<tr><th>TICKET</th><td>The change ticket</td></tr></tbody></table>"
                + "<h2>Contacts</h2><table><tbody><tr><th>Owner</th><td>Ann</td></tr></tbody></table>"
                + "<h2>Steps</h2><ol><li>Schedule the downtime: <code>sudo nagios-downtime ${HOST}</code></li></ol>");

        assertThat(playbook.parameters()).extracting(Parameter::name, Parameter::description).containsExactly(
                tuple("HOST", "Host name as in hosts.cfg"), tuple("TICKET", "The change ticket"));
    }

    @Test
    void aRollbackHeadingWithASubtitleAfterAColonOpensARollbackSection() {
        Playbook playbook = convert("<h2>Steps</h2><ol><li>Contain: <code>sudo systemctl stop sshd</code></li></ol>"
                + "<h2>Rollback: lift containment</h2><ol><li>Lift it: <code>sudo systemctl start sshd</code></li></ol>"
                + "<h2>Revert, then tell the team</h2><ol><li>Post in the channel.</li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Contain");
        assertThat(playbook.rollback()).extracting(Step::name).containsExactly("Lift it", "Post in the channel");
    }

    @Test
    void aHeadingThatRollsBackOnAConditionOpensARollbackSection() {
        Playbook playbook = convert("<h2>Steps</h2><ol><li>Deploy: <code>kubectl apply -k overlays/prod</code></li></ol>"
                + "<h3>If the smoke test fails: roll back</h3><ol><li>Undo: <code>kubectl rollout undo deploy/api</code></li></ol>"
                + "<h3>If the workers crash-loop, revert them</h3><ol><li>Undo: <code>kubectl rollout undo deploy/worker</code></li></ol>"
                + "<h3>If the smoke test passes: tell the team</h3><ol><li>Post in the channel.</li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Deploy", "Post in the channel");
        assertThat(playbook.rollback()).extracting(step -> step.args().get("command"))
                .containsExactly("kubectl rollout undo deploy/api", "kubectl rollout undo deploy/worker");
    }

    @Test
    void prerequisiteListItemsAreNotSteps() {
        Playbook playbook = convert("<h2>Before you begin</h2><ac:structured-macro ac:name=\"info\"><ac:rich-text-body>"
                + "<ol><li>Access to <em>prod</em></li><li>An approved change</li></ol></ac:rich-text-body></ac:structured-macro>"
                + "<h2>Steps</h2><ol><li>Stop: <code>sudo systemctl stop a</code></li></ol>");
        assertThat(playbook.prerequisites()).extracting(Prerequisite::description).containsExactly("Access to prod", "An approved change");
        assertThat(playbook.prerequisites()).extracting(Prerequisite::type).containsOnly("manual_check");
        assertThat(playbook.steps()).hasSize(1);
    }

    @Test
    void referenceSectionsHoldNoSteps() {
        Playbook playbook = convert("<ol><li>Stop: <code>sudo systemctl stop a</code></li></ol><h2>Related pages</h2>"
                + "<ol><li>One</li></ol><h2>Change history</h2><ol><li>Two</li></ol><h2>Contacts</h2><ol><li>Three</li></ol>");
        assertThat(playbook.steps()).hasSize(1);
    }

    @Test
    void layoutsExpandsAndPanelsCountAsIfInThePage() {
        Playbook playbook = convert("<ac:layout><ac:layout-section><ac:layout-cell><h2>Steps</h2>"
                + "<ac:structured-macro ac:name=\"expand\"><ac:rich-text-body><ol><li>Stop: <code>sudo systemctl stop a</code></li>"
                + "</ol></ac:rich-text-body></ac:structured-macro></ac:layout-cell><ac:layout-cell>"
                + "<ac:structured-macro ac:name=\"panel\"><ac:rich-text-body><ol><li>Start: <code>sudo systemctl start a</code></li>"
                + "</ol></ac:rich-text-body></ac:structured-macro></ac:layout-cell></ac:layout-section></ac:layout>");
        assertThat(playbook.steps()).hasSize(2);
    }

    @Test
    void panelsInAStepAreNotesAndWarningsAndOtherLanguagesAreSnippets() {
        Playbook playbook = convert("<ol><li>Update the values:" + code("yaml", "replicas: 6")
                + "<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Never scale to zero.</p></ac:rich-text-body></ac:structured-macro>"
                + "<ac:structured-macro ac:name=\"tip\"><ac:rich-text-body><p>Use <code>--dry-run</code> first.</p></ac:rich-text-body></ac:structured-macro>"
                + "</li><li>Stop: <code>sudo systemctl stop a</code></li></ol>");
        Step step = playbook.steps().get(0);
        assertThat(step.action()).isEqualTo("noop");
        assertThat(step.snippets()).containsExactly(new Snippet("yaml", "replicas: 6"));
        assertThat(step.warnings()).containsExactly("Never scale to zero.");
        assertThat(step.notes()).containsExactly("Use --dry-run first.");
    }

    @Test
    void imagesAndPageLinksAreKept() {
        Playbook playbook = convert("<ol><li>Compare with the diagram <ac:image ac:alt=\"topology\"><ri:attachment ri:filename=\"edge.png\"/>"
                + "</ac:image><ac:image><ri:url ri:value=\"https://img/x.png\"/></ac:image> and watch the "
                + "<ac:link><ri:page ri:content-title=\"Orders Dashboard\"/></ac:link>.</li><li>Stop: <code>sudo systemctl stop a</code></li></ol>");
        Step step = playbook.steps().get(0);
        assertThat(step.images()).containsExactly(new Image("edge.png", null, "topology"), new Image(null, "https://img/x.png", null));
        assertThat(step.args()).containsEntry("message", "Compare with the diagram and watch the Orders Dashboard.");
    }

    @Test
    void entitiesOfStorageFormatAreDecoded() {
        Playbook playbook = convert("<ol><li>Wait&nbsp;15&ndash;40&nbsp;minutes: <code>aws rds wait x --id &lt;target&gt; &amp;&amp; echo ok</code></li></ol>");
        Step step = playbook.steps().get(0);
        assertThat(step.name()).isEqualTo("Wait 15\u201340 minutes");
        assertThat(step.args()).containsEntry("command", "aws rds wait x --id <target> && echo ok");
    }

    @Test
    void parametersComeFromParameterTablesThenFromTokens() {
        Playbook playbook = convert("<h2>Parameters</h2><table><tbody><tr><th>Parameter</th><th>Description</th><th>Required</th></tr>"
                + "<tr><td><code>NODE</code></td><td>Node name</td><td>Yes</td></tr><tr><td>CHANGE_ID</td><td>Change id</td><td>No</td></tr>"
                + "</tbody></table><h2>Steps</h2><ol><li>Drain: <code>kubectl drain ${NODE} --context ${CTX}</code></li><li>Delete: <code>kubectl delete pod &lt;pod-name&gt;</code></li></ol>");
        assertThat(playbook.parameters()).extracting(Parameter::name).containsExactly("NODE", "CHANGE_ID", "CTX", "pod-name");
        assertThat(playbook.parameters().get(0)).isEqualTo(new Parameter("NODE", "Node name", true));
        assertThat(playbook.parameters().get(1).required()).isFalse();
    }

    @Test
    void aParameterCellNamesTheParametersInsideTheirMarksOneByOne() {
        Playbook playbook = convert("<h2>Parameters</h2><table><tbody><tr><th>Parameter</th><th>Description</th></tr>"
                + "<tr><td><code>{{group}}</code></td><td>Consumer group</td></tr>"
                + "<tr><td><code>{{namespace}}</code> / <code>{{deployment}}</code></td><td>Where the consumer runs</td></tr>"
                + "</tbody></table><h2>Steps</h2><ol><li>Stop the consumers.</li></ol>");

        assertThat(playbook.parameters()).extracting(Parameter::name, Parameter::description).containsExactly(
                tuple("group", "Consumer group"), tuple("namespace", "Where the consumer runs"),
                tuple("deployment", "Where the consumer runs"));
    }

    @Test
    void metadataCarriesThePageAndTheDetection() {
        String body = "<ol><li>Stop: <code>sudo systemctl stop a</code></li></ol>";
        Playbook playbook = convert(body);
        assertThat(playbook.category()).isEqualTo("infrastructure");
        assertThat(playbook.metadata().confluencePageId()).isEqualTo("42");
        assertThat(playbook.metadata().confluenceSpace()).isEqualTo("INFRA");
        assertThat(playbook.metadata().confluenceVersion()).isEqualTo(7);
        assertThat(playbook.metadata().confluenceUrl()).endsWith("/pages/42");
        assertThat(playbook.metadata().labels()).containsExactly("runbook");
        assertThat(playbook.metadata().contentHash()).isEqualTo(ContentHash.of(body)).startsWith("sha256:").hasSize(71);
        assertThat(playbook.metadata().detectionScore()).isBetween(0.5, 1.0);
        assertThat(playbook.metadata().detectionReasons()).isNotEmpty();
    }

    @Test
    void unknownSpaceGetsTheGeneralCategory() {
        Conversion conversion = new PageConverter().convert(SourcePage.of("1", "OTHER", "Runbook: stop", List.of("runbook"),
                "<ol><li>Stop: <code>sudo systemctl stop a</code></li><li>Start: <code>sudo systemctl start a</code></li></ol>"));
        assertThat(conversion.playbook().category()).isEqualTo("general");
    }

    @Test
    void aListSplitAroundACodeBlockKeepsTheCodeInTheStepBeforeIt() {
        Playbook playbook = convert("<ol><li>Stop the agent:</li></ol>" + code("bash", "sudo systemctl stop agent")
                + "<ol start=\"2\"><li>Start it: <code>sudo systemctl start agent</code></li></ol>"
                + "<ol><li>A new list: <code>ls -la</code></li></ol>" + code("bash", "echo not continued"));
        assertThat(playbook.steps()).hasSize(3);
        assertThat(playbook.steps().get(0).args()).containsEntry("command", "sudo systemctl stop agent");
        assertThat(playbook.steps().get(2).args()).containsEntry("command", "ls -la");
    }

    @Test
    void anEmptyListItemIsNoStepAndAnItemWithoutTextIsNamedByWhatItHolds() {
        Playbook playbook = convert("<ol><li>Stop: <code>sudo systemctl stop a</code></li><li><br/></li>"
                + "<li><ac:image ac:alt=\"the login screen\"><ri:attachment ri:filename=\"login.png\" /></ac:image></li>"
                + "<li>" + code("yaml", "replicas: 3") + "</li>"
                + "<li><ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Never on Fridays.</p></ac:rich-text-body>"
                + "</ac:structured-macro></li></ol>");

        assertThat(playbook.steps()).extracting(Step::id).containsExactly("step_1", "step_2", "step_3", "step_4");
        assertThat(playbook.steps()).extracting(Step::name)
                .containsExactly("Stop", "See the login screen", "replicas: 3", "Never on Fridays.");
    }

    @Test
    void aCodeBlockAfterAListIsTheCommandTheLastItemAnnounced() {
        Playbook playbook = convert("<h2>Steps</h2><ol><li>Stop the writers: <code>sudo systemctl stop writer</code></li>"
                + "<li>Check the master address on every Sentinel:</li></ol>"
                + code("bash", "for s in sentinel-01 sentinel-02; do redis-cli -h $s -p 26379 sentinel get-master-addr-by-name main; done")
                + "<ol><li>Fail over: <code>redis-cli -p 26379 sentinel failover main</code></li><li>Check the new master:</li></ol>"
                + "<p class=\"auto-cursor-target\"><br/></p>" + code("bash", "redis-cli -p 26379 sentinel get-master-addr-by-name main")
                + "<ol><li>Tell the team.</li></ol>" + code("bash", "echo not announced"));

        assertThat(playbook.steps()).extracting(Step::action).containsExactly("shell", "shell", "shell", "shell", "noop");
        assertThat(playbook.steps().get(1).args().get("command")).asString().startsWith("for s in sentinel-01");
        assertThat(playbook.steps().get(4).args()).containsEntry("message", "Tell the team.");
    }

    @Test
    void aWarningPanelWhoseListInstructsHoldsStepsAndOneThatWarnsDoesNot() {
        Playbook playbook = convert("<p><strong>On this page</strong></p><p>Blocks an abusive range at the edge.</p>"
                + "<h2>Steps</h2><ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Production traffic.</p>"
                + "<ol><li>Block the range: <code>curl -X POST https://api.cloudflare.com/client/v4/rules</code></li>"
                + "<li>Check the firewall events.</li></ol></ac:rich-text-body></ac:structured-macro>"
                + "<h2>Roll back</h2><ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><ol><li>All blocked "
                + "clients come back at once <ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"title\">HIGH"
                + "</ac:parameter></ac:structured-macro></li><li>Caches are cold.</li></ol></ac:rich-text-body></ac:structured-macro>");

        assertThat(playbook.description()).isEqualTo("Blocks an abusive range at the edge.");
        assertThat(playbook.steps()).extracting(Step::action).containsExactly("http_request", "noop");
        assertThat(playbook.rollback()).isEmpty();
    }

    @Test
    void stepsPerformedOnAnEarlierRunAreARecordNotSteps() {
        Playbook playbook = convert("<p><strong>Use this runbook when the agents' disks fill up.</strong></p>"
                + "<h2>Steps</h2><ol><li>Clean the workspace: <code>sudo rm -rf /var/lib/jenkins/workspace/*</code></li></ol>"
                + "<h2>Steps performed on the last run</h2><ol><li>Ran <code>sudo du -sh /var/lib/jenkins</code></li></ol>"
                + "<h2>Notes</h2><ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><ol><li><code>kubectl top nodes</code> "
                + "shows no data for a while.</li><li>Pods move.</li></ol></ac:rich-text-body></ac:structured-macro>");

        assertThat(playbook.description()).isEqualTo("Use this runbook when the agents' disks fill up.");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Clean the workspace");
    }

    @Test
    void theWordThatLedIntoACommandIsNoPartOfTheName() {
        Playbook playbook = convert("<ol><li>Connect as the master user with <code>psql -h billing-db -U master</code></li>"
                + "<li>Restart the service by running <code>sudo systemctl restart billing</code></li></ol>");

        assertThat(playbook.steps()).extracting(Step::name)
                .containsExactly("Connect as the master user", "Restart the service by running");
    }

    @Test
    void anItemHoldingOnlyACodeBlockIsNamedByItsFirstLine() {
        Playbook playbook = convert("<ol><li>" + code("bash", "kubectl -n shop rollout restart deploy/cart\n"
                + "kubectl -n shop rollout status deploy/cart") + "</li>"
                + "<li>" + code("bash", "\naws rds reboot-db-instance \\\n  --db-instance-identifier orders") + "</li></ol>");

        assertThat(playbook.steps()).extracting(Step::name)
                .containsExactly("kubectl -n shop rollout restart deploy/cart", "aws rds reboot-db-instance");
        assertThat(playbook.steps().get(0).args()).containsEntry("command",
                "kubectl -n shop rollout restart deploy/cart\nkubectl -n shop rollout status deploy/cart");
    }

    @Test
    void aNumberedHeadingWithoutATitleIsNamedByItsContent() {
        Playbook playbook = convert("<h2>Step 1</h2><p>Find the version: <code>aws s3api list-object-versions --bucket b</code></p>"
                + "<h2>Step 2</h2><p>Pick the newest version that is no delete marker.</p>"
                + "<h2>Step 3</h2><p>Copy it back: <code>aws s3api copy-object --bucket b --key k</code></p>");

        assertThat(playbook.steps()).extracting(Step::name)
                .containsExactly("Find the version", "Pick the newest version that is no delete marker", "Copy it back");
    }

    @Test
    void aProgramsBarePathIsACommandWhereTheTextSaysToRunIt() {
        Playbook playbook = convert("<ol><li>Run <code>/usr/lib/vmware-vmca/bin/certificate-manager</code> and choose option 1.</li>"
                + "<li>The binary lives in <code>/usr/lib/vmware-vmca/bin/certificate-manager</code>: note its version.</li>"
                + "<li>Run <code>/etc/vmware/certificate.conf</code> through the linter.</li></ol>");

        assertThat(playbook.steps()).extracting(Step::action).containsExactly(Step.SHELL, Step.NOOP, Step.NOOP);
        assertThat(playbook.steps().get(0).args()).containsEntry("command", "/usr/lib/vmware-vmca/bin/certificate-manager");
    }

    @Test
    void aCommandInANumberedHeadingIsTheStepsCommand() {
        Playbook playbook = convert("<h2>Step 1: Freeze writes</h2><p>Set the tenant read-only.</p>"
                + "<h2>Step 2: Run <code>./bin/reindex.sh --tenant ${TENANT_ID}</code></h2><p>Takes about an hour.</p>");

        Step reindex = playbook.steps().get(1);
        assertThat(reindex.name()).isEqualTo("Run");
        assertThat(reindex.args()).containsEntry("command", "./bin/reindex.sh --tenant ${TENANT_ID}");
    }

    @Test
    void aNumberedHeadingOnlyNamesItsStepWhenTheBlockBelowRunsWhatItNames() {
        Playbook playbook = convert("<h2>Step 1: Stop the migrations</h2><p>Scale the job to zero.</p>"
                + "<h2>Step 2 \u2014 Run <code>liquibase releaseLocks</code></h2><p>From a one-off pod:</p>"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[kubectl -n billing run unlock --rm -i --image=liquibase/liquibase -- releaseLocks]]>"
                + "</ac:plain-text-body></ac:structured-macro>");

        Step unlock = playbook.steps().get(1);
        assertThat(unlock.name()).isEqualTo("Run liquibase releaseLocks");
        assertThat(convert("<h3>4. Delete the job: <code>kubectl delete pytorchjob train-7</code></h3><ac:structured-macro "
                + "ac:name=\"code\"><ac:plain-text-body><![CDATA[kubectl delete pytorchjob train-7 --wait]]></ac:plain-text-body>"
                + "</ac:structured-macro>").steps().get(0).name()).isEqualTo("Delete the job");
        assertThat(unlock.args()).containsEntry("command",
                "kubectl -n billing run unlock --rm -i --image=liquibase/liquibase -- releaseLocks");
    }

    @Test
    void aNumberedHeadingsCommandIsComparedWithTheBlockBelowWordByWord() {
        Playbook playbook = convert("<h3>2. Restart the proxy: <code>systemctl restart nginx</code></h3>"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[systemctl restart nginx-exporter]]></ac:plain-text-body></ac:structured-macro>");

        assertThat(playbook.steps().get(0).args()).containsEntry("command",
                "systemctl restart nginx\nsystemctl restart nginx-exporter");
    }

    @Test
    void aNumberedHeadingsCommandIsJoinedWithAnotherCommandBelowIt() {
        Playbook playbook = convert("<h3>Step 7: Return the server with <code>echo \"set server be/app-07 state ready\" | "
                + "sudo socat stdio /run/haproxy/admin.sock</code></h3><p>Then confirm that it is back:</p>"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[echo \"show servers state be\" | sudo socat stdio /run/haproxy/admin.sock | grep app-07]]>"
                + "</ac:plain-text-body></ac:structured-macro>");

        assertThat(playbook.steps().get(0).args()).containsEntry("command",
                "echo \"set server be/app-07 state ready\" | sudo socat stdio /run/haproxy/admin.sock\n"
                        + "echo \"show servers state be\" | sudo socat stdio /run/haproxy/admin.sock | grep app-07");
    }

    @Test
    void stepTablesAreKnownByAStepWordInAnyColumnName() {
        Playbook playbook = convert("<table><tr><th>Step No.</th><th>Description</th></tr>"
                + "<tr><td>1</td><td>Pause it: <code>kubectl scale deploy/a --replicas=0</code></td></tr></table>"
                + "<h2>Back out</h2><table><tr><th>#</th><th>Rollback action</th></tr>"
                + "<tr><td>1</td><td>Resume it: <code>kubectl scale deploy/a --replicas=2</code></td></tr></table>"
                + "<table><tr><th>Action item</th><th>Owner</th></tr><tr><td>Write the report</td><td>Ana</td></tr></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Pause it");
        assertThat(playbook.rollback()).extracting(Step::name).containsExactly("Resume it");
    }

    @Test
    void sectionHeadingsInOtherWordsOpenTheirKindAndWholeWordsOnly() {
        Playbook playbook = convert("<h2>What you\u2019ll need</h2><ul><li>Access to the bastion</li></ul>"
                + "<h2>Procedure</h2><ol><li>Fail over: <code>redis-cli -p 26379 SENTINEL failover s</code></li>"
                + "<li>Contact the vendor if it fails.</li></ol>"
                + "<h2>Contacting the storage vendor</h2><ol><li>Collect the bundle: <code>sudo collect-bundle --out /tmp/b</code></li></ol>"
                + "<h2>Emergency rollback</h2><ol><li>Fail back: <code>redis-cli -p 26379 SENTINEL failover s</code></li></ol>"
                + "<h2>Escalation contacts</h2><ol><li>Call the storage on-call.</li></ol>");

        assertThat(playbook.prerequisites()).extracting(Prerequisite::description).containsExactly("Access to the bastion");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Fail over", "Contact the vendor if it fails",
                "Collect the bundle");
        assertThat(playbook.rollback()).extracting(Step::name).containsExactly("Fail back");
    }

    @Test
    void numberedSectionNamesAreSectionsAndNumberedActionsAreSteps() {
        Playbook playbook = convert("<h2>1. Overview</h2><p>Sets up replication.</p><h2>2. Prerequisites</h2>"
                + "<ul><li>mc configured for both sites</li></ul><h2>3. Procedure</h2>"
                + "<ol><li>Create the bucket: <code>mc mb dc2/b</code></li><li>Add the rule: <code>mc replicate add dc1/b</code></li></ol>"
                + "<h2>4. Rollback</h2><ol><li>Remove the rule: <code>mc replicate rm --all --force dc1/b</code></li></ol>"
                + "<h2>5. References</h2><ol><li>The MinIO manual.</li></ol>");

        assertThat(playbook.description()).isEqualTo("Sets up replication.");
        assertThat(playbook.prerequisites()).hasSize(1);
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Create the bucket", "Add the rule");
        assertThat(playbook.rollback()).extracting(Step::name).containsExactly("Remove the rule");

        Playbook numbered = convert("<h2>1. Drain the node</h2><p><code>kubectl drain n1</code></p>"
                + "<h2>2. Roll back the release</h2><p><code>helm rollback app</code></p>");
        assertThat(numbered.steps()).extracting(Step::name).containsExactly("Drain the node", "Roll back the release");
        assertThat(numbered.rollback()).isEmpty();
    }

    @Test
    void anElementOfAnXmlSampleIsNoParameterButAPlaceholderInItIsAndAParameterNameColumnIsRead() {
        Playbook playbook = convert("<table><tr><th>Parameter name</th><th>Description</th></tr>"
                + "<tr><td>PORT</td><td>the HTTPS port</td></tr></table><ol><li>Edit server.xml:"
                + code("xml", "<SSLHostConfig>\n  <Certificate certificateFile=\"conf/<cert-file>\"/>\n</SSLHostConfig>")
                + "</li><li>Restart: <code>sudo systemctl restart tomcat</code></li></ol>");

        // <cert-file> is a placeholder in the sample; <SSLHostConfig> ... </SSLHostConfig> an element of it
        assertThat(playbook.parameters()).extracting(Parameter::name).containsExactly("PORT", "cert-file");
        assertThat(playbook.parameters().get(0).description()).isEqualTo("the HTTPS port");
    }

    @Test
    void aGenericTypeInJavaCodeIsNoParameter() {
        Playbook playbook = convert("<ol><li>Run in the developer console:" + code("java",
                "List<Contact> stale = [SELECT Id FROM Contact WHERE Owner = '${OWNER_ID}'];") + "</li>"
                + "<li>Or in a block of no language:" + code("text", "Map<String, Integer> counts = count(<tenant>);") + "</li>"
                + "<li>Refresh: <code>sf org refresh sandbox --name uat</code></li></ol>");

        assertThat(playbook.parameters()).extracting(Parameter::name).containsExactly("OWNER_ID", "tenant");
    }

    @Test
    void windowsLineEndsInACodeBodyAreLineEndsAsXmlReadsThem() {
        Playbook playbook = convert("<ol><li>Purge:" + code("bash", "curl -X POST \\\r\n  https://cdn.example.net/purge \\\r\n"
                + "  -d path=/img") + "</li><li>Check: <code>curl -I https://cdn.example.net/img</code></li></ol>");

        assertThat(playbook.steps().get(0).action()).isEqualTo("http_request");
        assertThat(playbook.steps().get(0).args()).containsEntry("url", "https://cdn.example.net/purge");
    }

    @Test
    void anImageThatNamesNoPictureIsLeftOutAndTheStepKept() {
        Playbook playbook = convert("<ol><li>Open the panel:<ac:image><ri:attachment ri:filename=\"\" /></ac:image>"
                + "<ac:image ac:alt=\"empty\"></ac:image></li><li>Restart: <code>sudo systemctl restart a</code></li></ol>");

        assertThat(playbook.steps().get(0).images()).isEmpty();
    }

    @Test
    void aProcedureInsideANotePanelIsRead() {
        Playbook playbook = convert("<p>Frees a stuck Terraform lock.</p><ac:structured-macro ac:name=\"note\"><ac:rich-text-body>"
                + "<p>Only when no apply runs.</p><ol><li>Find the lock: <code>terraform plan -lock-timeout=1s</code></li>"
                + "<li>Release it: <code>terraform force-unlock &lt;lock-id&gt;</code></li></ol></ac:rich-text-body>"
                + "</ac:structured-macro>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Find the lock", "Release it");
        assertThat(playbook.parameters()).extracting(Parameter::name).containsExactly("lock-id");
    }

    @Test
    void aPlaceholderInACurlUrlIsNoRedirectAndCurlCredentialsAreKept() {
        Playbook playbook = convert("<ol><li>Revoke the key:" + code("bash",
                "curl -XDELETE -u \"admin:${ADMIN_TOKEN}\" https://api.github.com/repos/acme/keys/<key-id>")
                + "</li><li>Check: <code>curl https://api.github.com/repos/acme/keys</code></li></ol>");

        Step revoke = playbook.steps().get(0);
        assertThat(revoke.action()).isEqualTo("http_request");
        assertThat(revoke.args()).containsEntry("method", "DELETE")
                .containsEntry("url", "https://api.github.com/repos/acme/keys/<key-id>")
                .containsEntry("user", "admin:${ADMIN_TOKEN}");
        assertThat(playbook.parameters()).extracting(Parameter::name).containsExactlyInAnyOrder("ADMIN_TOKEN", "key-id");
    }

    @Test
    void aLinkWithItsOwnTextKeepsTheTitleOfThePageItLinksTo() {
        Playbook playbook = convert("<ol><li>Open the deployment in the <ac:link><ri:page ri:content-title=\"Nomad UI access\" />"
                + "<ac:plain-text-link-body><![CDATA[Nomad UI]]></ac:plain-text-link-body></ac:link> and wait.</li>"
                + "<li>Unpause: <code>airflow dags unpause billing_daily</code></li></ol>");

        assertThat(playbook.steps().get(0).args().get("message")).isEqualTo("Open the deployment in the Nomad UI (Nomad UI access) and wait.");
        assertThat(playbook.steps().get(1).action()).isEqualTo("shell");
    }

    @Test
    void anHttpCodeBlockHoldingOneRequestIsThatCall() {
        Playbook playbook = convert("<ol><li>Pause the connector:" + code("http",
                "PUT https://connect.internal:8083/connectors/s3-sink/pause\nAccept: application/json")
                + "</li><li>Check: <code>curl https://connect.internal:8083/connectors</code></li></ol>");

        assertThat(playbook.steps().get(0).action()).isEqualTo("http_request");
        assertThat(playbook.steps().get(0).args()).containsEntry("method", "PUT")
                .containsEntry("headers", Map.of("Accept", "application/json"));
    }

    @Test
    void aColonInsideInlineCodeDoesNotCutTheStepsName() {
        Playbook playbook = convert("<ol><li>If every node shows <code>seqno: -1</code>, bootstrap the one with the "
                + "highest position: <code>galera_new_cluster</code></li><li>Start: <code>sudo systemctl start mariadb</code></li></ol>");

        assertThat(playbook.steps().get(0).name()).isEqualTo("If every node shows seqno: -1, bootstrap the one with the highest position");
    }

    @Test
    void eachRowOfAStepTableHasItsOwnIdAndAHeadingNamingWhatAStepWorksOnKeepsItsSteps() {
        Playbook playbook = convert("<h2>Assess impact</h2><ol><li>Check the error rate: <code>kubectl top pods</code></li></ol>"
                + "<table><tr><th>Step</th><th>Command</th></tr><tr><td>Drain</td><td><code>kubectl drain n1</code></td></tr>"
                + "<tr><td>Cordon</td><td><code>kubectl cordon n2</code></td></tr></table>");

        assertThat(playbook.steps()).extracting(Step::id).containsExactly("step_1", "step_2", "step_3");
    }

    private static String adfPanel(String type, String content) {
        return "<ac:adf-extension><ac:adf-node type=\"panel\"><ac:adf-attribute key=\"panel-icon-id\">1f5d1</ac:adf-attribute>"
                + "<ac:adf-attribute key=\"panel-type\">" + type + "</ac:adf-attribute><ac:adf-content>" + content
                + "</ac:adf-content></ac:adf-node><ac:adf-fallback><div class=\"panel\"><div class=\"panelContent\">" + content
                + "</div></div></ac:adf-fallback></ac:adf-extension>";
    }

    @Test
    void aPanelOfTheNewEditorInAStepIsReadOnceAsANoteOrAWarning() {
        Playbook playbook = convert("<ol><li><p>Drain the node</p>" + code("bash", "kubectl drain node-1")
                + adfPanel("error", "<p>Never drain two nodes of one zone.</p>") + "</li><li><p>Uncordon it</p>"
                + adfPanel("note", "<p>Only after the maintenance.</p>") + "<p><code>kubectl uncordon node-1</code></p></li></ol>");

        Step drain = playbook.steps().get(0);
        assertThat(drain.warnings()).containsExactly("Never drain two nodes of one zone.");
        assertThat(drain.description()).isNull();
        Step uncordon = playbook.steps().get(1);
        assertThat(uncordon.name()).isEqualTo("Uncordon it");
        assertThat(uncordon.notes()).containsExactly("Only after the maintenance.");
        assertThat(uncordon.args()).containsEntry("command", "kubectl uncordon node-1");
    }

    @Test
    void aPanelOfTheNewEditorAroundAProcedureCountsAsInThePageAndOtherNodesReadAsTheirFallback() {
        Playbook playbook = convert("<p>Restarts the worker.</p>" + adfPanel("custom", "<ol><li>Stop: <code>sudo systemctl stop w</code>"
                + "</li><li>Start: <code>sudo systemctl start w</code></li></ol>")
                + "<ac:adf-extension><ac:adf-node type=\"decision-list\"><ac:adf-node type=\"decision-item\">"
                + "<ac:adf-attribute key=\"state\">DECIDED</ac:adf-attribute><ac:adf-content>Restart twice an hour at most"
                + "</ac:adf-content></ac:adf-node></ac:adf-node><ac:adf-fallback><ol><li>Restart twice an hour at most</li></ol>"
                + "</ac:adf-fallback></ac:adf-extension>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Stop", "Start", "Restart twice an hour at most");
    }

    @Test
    void aTaskListOrAnOrderedListStandingInAListAfterAnItemGivesThatItemsSubsteps() {
        Playbook tasks = convert("<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status>"
                + "<ac:task-body>Drain the node: <code>kubectl drain node-1</code></ac:task-body></ac:task><ac:task-list><ac:task>"
                + "<ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Check its pods: "
                + "<code>kubectl get pods -A --field-selector spec.nodeName=node-1</code></ac:task-body></ac:task></ac:task-list>"
                + "<ac:task><ac:task-id>3</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Patch it: "
                + "<code>sudo apt-get upgrade -y</code></ac:task-body></ac:task></ac:task-list>");
        Playbook lists = convert("<ol><li>Prepare the disk</li><ol><li>Zap it: <code>sudo ceph-volume lvm zap /dev/sdb</code></li>"
                + "</ol><li>Start it: <code>sudo systemctl start ceph-osd@3</code></li></ol>");

        assertThat(tasks.steps()).extracting(Step::name).containsExactly("Drain the node", "Patch it");
        assertThat(tasks.steps().get(0).substeps()).extracting(Step::id, Step::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("step_1_1", "Check its pods"));
        assertThat(lists.steps()).extracting(Step::name).containsExactly("Prepare the disk", "Start it");
        assertThat(lists.steps().get(0).substeps().get(0).args()).containsEntry("command", "sudo ceph-volume lvm zap /dev/sdb");
    }

    @Test
    void aStepTableRowIsNamedFromItsActionColumnNotFromItsOwnerOrNotes() {
        Playbook playbook = convert("<table><tbody><tr><th>Step</th><th>Action</th><th>Command</th><th>Owner</th><th>Done</th></tr>"
                + "<tr><td>1</td><td>Announce the window</td><td></td><td>Alice</td><td>No</td></tr>"
                + "<tr><td>2</td><td>Stop the app</td><td><code>sudo systemctl stop app</code></td><td>Bob</td><td>No</td></tr>"
                + "</tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Announce the window", "Stop the app");
        assertThat(playbook.steps().get(0).action()).isEqualTo("noop");
        assertThat(playbook.steps().get(1).args()).containsEntry("command", "sudo systemctl stop app");
    }

    @Test
    void inlineCodeSplitByALinkOrACommentMarkerIsOneCommand() {
        Playbook playbook = convert("<ol><li>Check: <code>curl -sk </code><a href=\"https://argocd.example.net/api/version\">"
                + "<code>https://argocd.example.net/api/version</code></a></li><li>Restart: <code>kubectl -n shop rollout restart "
                + "</code><ac:inline-comment-marker ac:ref=\"c1\"><code>deployment/cart-api</code></ac:inline-comment-marker></li>"
                + "<li>Compare <code>a.txt</code> and <code>b.txt</code> by hand</li></ol>");

        assertThat(playbook.steps().get(0).action()).isEqualTo("http_request");
        assertThat(playbook.steps().get(0).args()).containsEntry("url", "https://argocd.example.net/api/version");
        assertThat(playbook.steps().get(1).args()).containsEntry("command", "kubectl -n shop rollout restart deployment/cart-api");
        assertThat(playbook.steps().get(2).args()).containsEntry("message", "Compare a.txt and b.txt by hand");
    }

    @Test
    void migratedPagesQuotesPreBlocksOldMacroParametersAndJiraKeysReadAsAReaderSeesThem() {
        Playbook playbook = convert("<blockquote><ol><li><h3><ac:macro ac:name=\"anchor\"><ac:default-parameter>copy"
                + "</ac:default-parameter></ac:macro>Copy the certificate</h3><pre>sudo cp ldap.crt /etc/ldap/certs/\n"
                + "sudo chown openldap /etc/ldap/certs/ldap.crt</pre></li><li>Note the change in <ac:structured-macro "
                + "ac:name=\"jira\"><ac:parameter ac:name=\"server\">JIRA</ac:parameter><ac:parameter ac:name=\"key\">OPS-1234"
                + "</ac:parameter></ac:structured-macro></li></ol></blockquote>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Copy the certificate", "Note the change in OPS-1234");
        assertThat(playbook.steps().get(0).args()).containsEntry("command",
                "sudo cp ldap.crt /etc/ldap/certs/\nsudo chown openldap /etc/ldap/certs/ldap.crt");
    }

    @Test
    void mergedCellsOfAStepTableAreReadInTheColumnsTheyCover() {
        Playbook playbook = convert("<table><tbody><tr><th>#</th><th>Action</th><th>Owner</th></tr>"
                + "<tr><td rowspan=\"2\">1</td><td>Stop the app: <code>sudo systemctl stop app</code></td><td>Alice</td></tr>"
                + "<tr><td>Check it is down</td><td>Alice</td></tr>"
                + "<tr><td colspan=\"2\">Heads-up only, nothing to run</td><td>Bob</td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name)
                .containsExactly("Stop the app", "Check it is down", "Heads-up only, nothing to run");
    }

    @Test
    void anEmptyLastCellLeavesNoSeparatorAtTheEndOfTheStepsText() {
        Playbook playbook = convert("<table><tbody><tr><th>Step</th><th>Action</th><th>Result</th><th>Notes</th></tr>"
                + "<tr><td>1</td><td>Choose Create.</td><td>The ticket goes straight to Scheduled.</td><td> </td></tr>"
                + "<tr><td>2</td><td>Assign it to the change manager.</td><td></td><td></td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("message")).containsExactly(
                "Choose Create.; The ticket goes straight to Scheduled.", "Assign it to the change manager.");
    }

    @Test
    void aListBeforeTheFirstItemOfAListIsReadAndNotMadeASecondStep() {
        Playbook playbook = convert("<ol><ol><li>Zap the disk: <code>sudo ceph-volume lvm zap /dev/sdb</code></li></ol>"
                + "<ul><li>on the OSD host</li></ul><li>Start it: <code>sudo systemctl start ceph-osd@3</code></li></ol>"
                + "<ol><ul><li>as root</li></ul><li>Check it: <code>sudo ceph osd tree</code></li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Zap the disk", "Start it", "Check it");
        assertThat(playbook.steps().get(0).substeps()).isEmpty();
        assertThat(playbook.steps().get(2).description()).contains("as root");
    }

    @Test
    void aQuoteOfWordsKeepsItsWordsAndAPreBlockReadsItsLineEndsAsXmlDoes() {
        Playbook playbook = convert("<h2>1. Restart</h2><blockquote>Run <code>sudo systemctl restart x</code> now and wait "
                + "for the health check</blockquote><h2>2. Clean up</h2><pre>rm -rf /tmp/x\r\nrm -rf /tmp/y</pre>");

        assertThat(playbook.steps().get(0).description()).contains("now and wait for the health check");
        assertThat(playbook.steps().get(1).args()).containsEntry("command", "rm -rf /tmp/x\nrm -rf /tmp/y");
    }

    @Test
    void oldMacroFormsGiveTheirUnnamedParameterWhereItMeansSomething() {
        Playbook playbook = convert("<ol><li>Note it in <ac:macro ac:name=\"jira\"><ac:default-parameter>OPS-1234"
                + "</ac:default-parameter></ac:macro></li><li>Build the mapping:<ac:structured-macro ac:name=\"code\">"
                + "<ac:parameter ac:name=\"\">xml</ac:parameter><ac:plain-text-body><![CDATA[java -jar tool.jar -d out]]>"
                + "</ac:plain-text-body></ac:structured-macro></li><li>Stop: <code>sudo systemctl stop a</code></li></ol>");

        assertThat(playbook.steps().get(0).name()).isEqualTo("Note it in OPS-1234");
        assertThat(playbook.steps().get(1).action()).isEqualTo("noop");
        assertThat(playbook.steps().get(1).snippets()).containsExactly(new Snippet("xml", "java -jar tool.jar -d out"));
    }

    @Test
    void anExportsConfluenceRootAndAnAddOnsContainerMacroHoldThePage() {
        Playbook playbook = convert("<ac:confluence><ac:structured-macro ac:name=\"ui-steps\"><ac:rich-text-body><ol>"
                + "<li>Stop: <code>sudo systemctl stop a</code></li><li>Start: <code>sudo systemctl start a</code></li></ol>"
                + "</ac:rich-text-body></ac:structured-macro></ac:confluence>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Stop", "Start");
    }

    @Test
    void bareProgramsAndPromptlessConsoleBlocksAreCommandsAndCodeInAPanelOfAStepIsKept() {
        Playbook playbook = convert("<ol><li>List the files" + code("", "ls\ndf -h") + "</li><li>Show the nodes"
                + code("console", "kubectl get nodes") + "</li><li><p>Flush the cache</p><ac:structured-macro ac:name=\"warning\">"
                + "<ac:rich-text-body><p>Only if it is stale:</p>" + code("bash", "redis-cli FLUSHALL")
                + "</ac:rich-text-body></ac:structured-macro></li></ol>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("ls\ndf -h", "kubectl get nodes", "redis-cli FLUSHALL");
        assertThat(playbook.steps().get(2).warnings()).containsExactly("Only if it is stale:");
    }

    @Test
    void aTableInsideAStepIsNoParameterTable() {
        Playbook playbook = convert("<ol><li><p>Compare the values</p><table><tr><th>Key</th><th>Value</th></tr>"
                + "<tr><td>timeout</td><td>30s</td></tr></table></li><li>Stop: <code>sudo systemctl stop a</code></li></ol>");

        assertThat(playbook.parameters()).isEmpty();
    }

    @Test
    void anExpandTitledAsANumberedStepThatHoldsAnOrderedListHoldsStepsAsIfTheListStoodInThePage() {
        Playbook playbook = convert("<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">1. Stop the "
                + "publishers</ac:parameter><ac:rich-text-body><ol><li>Scale them to zero: <code>kubectl scale deploy/publisher "
                + "--replicas=0</code></li><li>Wait until the publish rate drops to zero.</li></ol></ac:rich-text-body>"
                + "</ac:structured-macro><ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">2. Switch"
                + "</ac:parameter><ac:rich-text-body><ol><li>Point the alias at the DR site: <code>./scripts/switch-alias.sh dr"
                + "</code></li></ol></ac:rich-text-body></ac:structured-macro>");

        assertThat(playbook.steps()).extracting(Step::action).containsExactly("shell", "noop", "shell");
        assertThat(playbook.steps()).allMatch(step -> step.substeps().isEmpty());
    }

    @Test
    void expandsTitledAsNumberedStepsAreStepsAndTheirTextIsNoDescriptionOfThePage() {
        Playbook playbook = convert("<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">1. Check the cluster"
                + "</ac:parameter><ac:rich-text-body><p>Post the result in #ops.</p>" + code("bash", "patronictl list")
                + "</ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name=\"expand\"><ac:parameter "
                + "ac:name=\"title\">2. Fail over</ac:parameter><ac:rich-text-body>" + code("bash", "patronictl failover --force")
                + "</ac:rich-text-body></ac:structured-macro>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Check the cluster", "Fail over");
        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("patronictl list", "patronictl failover --force");
        assertThat(playbook.description()).isNull();
        assertThat(convert("<ol><li>Restart: <code>sudo systemctl restart app</code></li></ol><p>Troubleshooting: read the log.</p>")
                .description()).as("after the list of a page without headings").isNull();
    }

    @Test
    void aNestedListEndsTheNameAndAnItemHoldingOnlySubstepsIsNamedByThemAll() {
        Playbook playbook = convert("<ol><li><p>Wait until sessions drain</p><ul><li><p>watch the scur column</p></li></ul></li>"
                + "<li><ol><li>Stop it: <code>sudo systemctl stop jenkins</code></li><li>Copy the home: "
                + "<code>rsync -a /var/lib/jenkins/ new:/var/lib/jenkins/</code></li></ol></li></ol>"
                + "<table><tr><th>Step</th><th>Command</th></tr><tr><td><p>Check the pool</p><ul><li><p>all green</p></li></ul>"
                + "</td><td></td></tr></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Wait until sessions drain",
                "Stop it; Copy the home", "Check the pool");
        assertThat(playbook.steps().get(0).args()).containsEntry("message", "Wait until sessions drain; watch the scur column");
    }

    @Test
    void numberedHeadingsUnderAPrerequisitesHeadingAreStepsNotPrerequisites() {
        Playbook playbook = convert("<h2>Prerequisites</h2><ul><li>Root on mq-01</li></ul>"
                + "<h3>Step 1 - Create the key</h3>" + code("bash", "openssl genrsa 2048")
                + "<h3>Step 2 - Restart</h3><p><code>sudo systemctl restart rabbitmq-server</code></p>"
                + "<h1>Before you begin</h1><ul><li>A maintenance window</li></ul><h3>Procedure</h3><ol><li>Check: "
                + "<code>rabbitmqctl status</code></li></ol>");

        assertThat(playbook.prerequisites()).extracting(Prerequisite::description)
                .containsExactly("Root on mq-01", "A maintenance window");
        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("openssl genrsa 2048", "sudo systemctl restart rabbitmq-server", "rabbitmqctl status");
    }

    @Test
    void numberedHeadingsInsideANumberedHeadingAreItsSubsteps() {
        Playbook playbook = convert("<h2>1. Preparation</h2><p>Take both copies.</p><h3>Step 1: Export the realms</h3>"
                + code("bash", "kc.sh export --dir /tmp/realms") + "<h3>Step 2: Dump the database</h3>"
                + code("bash", "pg_dump -Fc keycloak > kc.dump") + "<h2>2. Patch the node</h2><h3>2.1 Install the updates</h3>"
                + code("bash", "apt-get -y upgrade") + "<h3>2.2 Reboot <code>sudo systemctl reboot</code></h3>"
                + "<h3>Notes</h3><p>The node comes back in two minutes.</p>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Preparation", "Patch the node");
        Step preparation = playbook.steps().get(0);
        assertThat(preparation.action()).isEqualTo("noop");
        assertThat(preparation.substeps()).extracting(Step::id).containsExactly("step_1_1", "step_1_2");
        assertThat(preparation.substeps()).extracting(step -> step.args().get("command"))
                .containsExactly("kc.sh export --dir /tmp/realms", "pg_dump -Fc keycloak > kc.dump");
        Step patch = playbook.steps().get(1);
        assertThat(patch.substeps()).extracting(Step::name).containsExactly("Install the updates", "Reboot");
        assertThat(patch.substeps()).extracting(step -> step.args().get("command"))
                .containsExactly("apt-get -y upgrade", "sudo systemctl reboot");
        assertThat(patch.args().get("message").toString()).contains("two minutes");
    }

    @Test
    void outlineNumberedHeadingsAreStepsWhenTheyStartWithAVerb() {
        Playbook playbook = convert("<h2>1.1 Mark the node ineligible</h2>" + code("bash", "nomad node eligibility -disable")
                + "<h2>1.2 Drain the allocations</h2>" + code("bash", "nomad node drain -enable -self"));

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Mark the node ineligible",
                "Drain the allocations");
        assertThat(NumberedHeading.title("2.1 Goals")).isEmpty();
        assertThat(NumberedHeading.title("Step 2.1: Patch")).contains("Patch");
    }

    @Test
    void aPrerequisitesTableGivesAPrerequisiteARow() {
        Playbook playbook = convert("<h2>Prerequisites</h2><table><tbody><tr><th>#</th><th>Requirement</th><th>Notes</th></tr>"
                + "<tr><td>1</td><td>sudo on lb-01</td><td>Both serve traffic</td></tr><tr><td>2</td><td>A change ticket</td>"
                + "<td></td></tr></tbody></table><table><tbody><tr><th>Access</th><td>VPN and the prod role</td></tr></tbody>"
                + "</table><h2>Steps</h2><ol><li>Drain: <code>sudo haproxyctl drain app-03</code></li></ol>");

        assertThat(playbook.prerequisites()).extracting(Prerequisite::description)
                .containsExactly("sudo on lb-01", "A change ticket", "VPN and the prod role");
        Playbook byHeader = convert("<h2>Prerequisites</h2><table><tbody><tr><th>Area</th><th>Requirement</th></tr>"
                + "<tr><td rowspan=\"2\">Access</td><td>SSH to the control plane</td></tr><tr><td>sudo there</td></tr>"
                + "</tbody></table><h2>Steps</h2><ol><li>Renew: <code>kubeadm certs renew all</code></li></ol>");
        assertThat(byHeader.prerequisites()).extracting(Prerequisite::description)
                .containsExactly("SSH to the control plane", "sudo there");
    }

    @Test
    void boldParagraphsAndExpandsThatNameASectionOpenIt() {
        Playbook playbook = convert("<p><strong>Before you begin:</strong></p><ul><li>Root on lb-01</li></ul>"
                + "<p><strong>Steps</strong></p><ol><li>Drain: <code>sudo haproxyctl drain app-03</code></li></ol>"
                + "<p><strong>Rollback is possible until step 3.</strong></p>"
                + "<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">Rollback</ac:parameter>"
                + "<ac:rich-text-body><ol><li>Re-enable: <code>sudo haproxyctl enable app-03</code></li></ol>"
                + "</ac:rich-text-body></ac:structured-macro><ol><li>Check: <code>sudo haproxyctl status</code></li></ol>");

        assertThat(playbook.prerequisites()).extracting(Prerequisite::description).containsExactly("Root on lb-01");
        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("sudo haproxyctl drain app-03", "sudo haproxyctl status");
        assertThat(playbook.rollback()).extracting(step -> step.args().get("command"))
                .containsExactly("sudo haproxyctl enable app-03");
    }

    @Test
    void aNotePanelTitledAsASectionHoldsItWhateverItsListAndAWarningTitledBeforeYouStartWarns() {
        Playbook playbook = convert("<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">Before you begin"
                + "</ac:parameter><ac:rich-text-body><ul><li>Admin on print-01</li></ul></ac:rich-text-body></ac:structured-macro>"
                + "<ac:structured-macro ac:name=\"warning\"><ac:parameter ac:name=\"title\">Read before you start</ac:parameter>"
                + "<ac:rich-text-body><ol><li>Never restart both print servers at once.</li></ol></ac:rich-text-body>"
                + "</ac:structured-macro><h2>Steps</h2><ol><li>Restart it: <code>Restart-Service Spooler</code></li></ol>"
                + "<ac:structured-macro ac:name=\"warning\"><ac:parameter ac:name=\"title\">Rollback</ac:parameter>"
                + "<ac:rich-text-body><table><tr><th>Step</th><th>Command</th></tr><tr><td>1</td><td>"
                + "<code>Start-Service Spooler</code></td></tr></table></ac:rich-text-body></ac:structured-macro>");

        assertThat(playbook.prerequisites()).extracting(Prerequisite::description).containsExactly("Admin on print-01");
        assertThat(playbook.warnings()).containsExactly("Never restart both print servers at once.");
        assertThat(playbook.rollback()).extracting(step -> step.args().get("command")).containsExactly("Start-Service Spooler");
    }

    @Test
    void anInfoPanelHoldingAPrerequisitesHeadingHoldsThatSectionUntilThePanelEnds() {
        String panel = "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><h3>Prerequisites</h3><ul><li>Prometheus "
                + "started with --web.enable-admin-api</li><li>Room on /backup</li></ul></ac:rich-text-body></ac:structured-macro>";
        String snapshot = "<ol><li>Take a snapshot: <code>curl -XPOST http://localhost:9090/api/v1/admin/tsdb/snapshot</code>"
                + "</li></ol>";
        Playbook underAHeading = convert("<p>Back up the TSDB of Prometheus.</p>" + panel + "<h2>Procedure</h2>" + snapshot);
        Playbook right = convert("<p>Back up the TSDB of Prometheus.</p>" + panel + snapshot);

        for (Playbook playbook : List.of(underAHeading, right)) {
            assertThat(playbook.prerequisites()).extracting(Prerequisite::description)
                    .containsExactly("Prometheus started with --web.enable-admin-api", "Room on /backup");
            assertThat(playbook.notes()).isEmpty();
            assertThat(playbook.steps()).extracting(Step::name).containsExactly("Take a snapshot");
        }
    }

    @Test
    void aColonInALinkedPageTitleDoesNotCutTheStepsName() {
        Playbook playbook = convert("<ol><li>Carry out the maintenance, for example <ac:link><ri:page ri:content-title="
                + "\"SOP: reboot a Ceph host\"/></ac:link>.</li><li>Unset it: <code>ceph osd unset noout</code></li></ol>");

        assertThat(playbook.steps().get(0).name()).isEqualTo("Carry out the maintenance, for example SOP: reboot a Ceph host");
    }

    @Test
    void aStepLedByATimeIsNamedByWhatFollowsAndALinksColonDoesNotCutTheName() {
        Playbook playbook = convert("<ol><li>10:10 UTC: stop the writer: <code>systemctl stop billing-writer</code></li>"
                + "<li>T-30 min: freeze merges in GitLab.</li><li>Check the bloat in <a href=\"https://grafana/d/1\">Grafana: "
                + "Postgres bloat</a>.</li></ol>");

        assertThat(playbook.steps()).extracting(Step::name)
                .containsExactly("stop the writer", "freeze merges in GitLab", "Check the bloat in Grafana: Postgres bloat");
    }

    @Test
    void aWarningPanelHoldingAPrerequisitesOrRollbackHeadingHoldsThatSection() {
        Playbook playbook = convert("<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><h3>Prerequisites</h3><ul>"
                + "<li>Approval of the incident commander</li></ul></ac:rich-text-body></ac:structured-macro>"
                + "<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><h3>Rollback</h3><p>Restore the old value at "
                + "once:</p><ol><li><code>kafka-configs.sh --alter --entity-name orders --add-config retention.ms=604800000"
                + "</code></li></ol></ac:rich-text-body></ac:structured-macro><h2>Procedure</h2><ol><li>Change it: <code>"
                + "kafka-configs.sh --alter --entity-name orders --add-config retention.ms=86400000</code></li></ol>");

        assertThat(playbook.prerequisites()).extracting(Prerequisite::description)
                .containsExactly("Approval of the incident commander");
        assertThat(playbook.rollback()).hasSize(1);
        assertThat(playbook.steps()).hasSize(1);
        assertThat(playbook.warnings()).isEmpty();
    }

    @Test
    void aSymptomsSectionThatAlsoNamesTheFixesHoldsSteps() {
        Playbook playbook = convert("<h2>Symptoms</h2><ol><li>Clients get NXDOMAIN.</li></ol><h2>Symptoms and fixes</h2><table>"
                + "<tr><th>Symptom</th><th>Likely cause</th><th>Action</th></tr><tr><td>Old answer</td><td>Not in sync</td>"
                + "<td>Check the change: <code>aws route53 get-change --id C123</code></td></tr></table>"
                + "<h2>Change history and fixes</h2><ol><li>2024-03-01: corrected the health URL (jdoe)</li></ol>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("aws route53 get-change --id C123");
    }

    @Test
    void aStepOfOnlyCodeIsNamedByItsFirstLineWithoutTheMarkThatContinuesIt() {
        Playbook playbook = convert("<h2>Rollback</h2><ol><li><ac:structured-macro ac:name=\"code\"><ac:parameter "
                + "ac:name=\"language\">powershell</ac:parameter><ac:plain-text-body><![CDATA[Switch-AzWebAppSlot `\n"
                + "  -ResourceGroupName rg-web -Name shop -SourceSlotName staging -DestinationSlotName production]]>"
                + "</ac:plain-text-body></ac:structured-macro></li></ol><h2>Steps</h2><ol><li>Swap: <code>az webapp "
                + "deployment slot swap -g rg-web -n shop --slot staging</code></li></ol>");

        assertThat(playbook.rollback().get(0).name()).isEqualTo("Switch-AzWebAppSlot");
    }

    @Test
    void anHttpHeaderNamedLikeACmdletRunsNothing() {
        Playbook playbook = convert("<ol><li><p>If <code>Set-Cookie</code> is the cause, ask the storefront team to drop it.</p>"
                + "</li><li>Purge: <code>varnishadm ban req.url '~' /</code></li></ol>");

        assertThat(playbook.steps().get(0).action()).isEqualTo(Step.NOOP);
    }

    @Test
    void aStepTableRowHoldingOnlyACodeBlockIsAStep() {
        Playbook playbook = convert("<table><tr><th>#</th><th>Command</th></tr><tr><td>1</td><td><code>nats stream ls</code></td></tr>"
                + "<tr><td>2</td><td><ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[nats consumer add "
                + "ORDERS proc --config /tmp/proc.json]]></ac:plain-text-body></ac:structured-macro></td></tr></table>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("nats stream ls", "nats consumer add ORDERS proc --config /tmp/proc.json");
    }

    @Test
    void whatIsTypedIntoADatabaseClientStaysWithTheStepAsItsSample() {
        String session = "$ sudo -u postgres psql -d orders\norders=# SELECT pg_drop_replication_slot('old');\n"
                + " pg_drop_replication_slot\norders=# \\q";
        Playbook playbook = convert("<ol><li>Drop the slot:<ac:structured-macro ac:name=\"code\"><ac:parameter "
                + "ac:name=\"language\">console</ac:parameter><ac:plain-text-body><![CDATA[" + session
                + "]]></ac:plain-text-body></ac:structured-macro></li></ol>");

        Step drop = playbook.steps().get(0);
        assertThat(drop.args()).containsEntry("command", "sudo -u postgres psql -d orders");
        assertThat(drop.snippets()).extracting(Snippet::code).containsExactly(session);
    }

    @Test
    void aFilesBarePathIsNoCommandWhereTheTextSpeaksOfTheFileAndAnUnknownProgramIsOneWhereItSaysRun() {
        Playbook playbook = convert("<ol><li>Make sure CATALINA_OPTS in <code>/usr/share/tomcat9/bin/setenv.sh</code> sets no heap.</li>"
                + "<li>Run <code>ray job status &lt;submission-id&gt;</code> every few minutes.</li></ol>");

        assertThat(playbook.steps()).extracting(Step::action).containsExactly(Step.NOOP, Step.SHELL);
        assertThat(playbook.steps().get(1).args()).containsEntry("command", "ray job status <submission-id>");
    }

    @Test
    void aNotePanelTitledNotesInsideAStepIsItsNoteAndAHeadingStartingLikeALogNameKeepsItsSteps() {
        Playbook playbook = convert("<h2>Patch Log4j on the web servers</h2><ol><li>Upgrade it: <code>sudo apt-get install "
                + "liblog4j2-java</code><ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">Notes"
                + "</ac:parameter><ac:rich-text-body><p>Restart the app afterwards.</p></ac:rich-text-body>"
                + "</ac:structured-macro></li></ol>");

        assertThat(playbook.steps()).hasSize(1);
        assertThat(playbook.steps().get(0).notes()).containsExactly("Restart the app afterwards.");
    }

    @Test
    void aPlanThatNumbersItsRowsIsAStepTableWhateverItsColumns() {
        Playbook playbook = convert("<table><tr><th>#</th><th>Date</th><th>Command</th><th>Engineer</th></tr>"
                + "<tr><td>1</td><td>2025-03-01</td><td><code>sudo systemctl stop app</code></td><td>Ana</td></tr></table>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("command")).containsExactly("sudo systemctl stop app");
    }

    @Test
    void aPanelTitledAsASectionOpensIt() {
        Playbook playbook = convert("<h2>Prerequisites</h2><ul><li>Superuser on the primary</li></ul>"
                + "<ac:structured-macro ac:name=\"panel\"><ac:parameter ac:name=\"title\">Procedure</ac:parameter>"
                + "<ac:rich-text-body><ol><li>Repack: <code>pg_repack -d orders -t events</code></li></ol>"
                + "</ac:rich-text-body></ac:structured-macro>"
                + "<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">Procedure</ac:parameter>"
                + "<ac:rich-text-body><ol><li>Analyze: <code>psql -d orders -c 'ANALYZE events'</code></li></ol>"
                + "</ac:rich-text-body></ac:structured-macro>");

        assertThat(playbook.prerequisites()).extracting(Prerequisite::description).containsExactly("Superuser on the primary");
        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("pg_repack -d orders -t events", "psql -d orders -c 'ANALYZE events'");
    }

    @Test
    void anOverviewOrNotesListIsNoStepsButTheSectionsUnderAnOverviewHeadingAre() {
        Playbook playbook = convert("<h2>Overview</h2><ol><li>Stop Grafana</li><li>Copy the data</li></ol>"
                + "<h2>Procedure</h2><ol><li>Stop it: <code>sudo systemctl stop grafana-server</code></li></ol>"
                + "<h2>Notes</h2><ol><li>The copy takes about ten minutes.</li></ol>"
                + "<h1>Overview</h1><h2>Step 2: Start it</h2><p><code>sudo systemctl start grafana-server</code></p>"
                + "<h1>Overview</h1><p>All of it.</p><h2>Checking it</h2><ol><li><code>curl -fsS http://localhost:3000/api/health"
                + "</code></li></ol><h2>See also</h2><h3>Dashboards</h3><ol><li>Grafana home</li></ol>");

        assertThat(playbook.steps()).extracting(Step::action).containsExactly("shell", "shell", "http_request");
        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("sudo systemctl stop grafana-server", "sudo systemctl start grafana-server", null);
    }

    @Test
    void aNameCutAtItsCommandEndsWithoutTheBracketOrDashBeforeIt() {
        Playbook playbook = convert("<ol><li>Make sure the diff plugin is installed (<code>helm plugin list</code>)</li>"
                + "<li>Reload \u2013 <code>sudo systemctl reload nginx</code></li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Make sure the diff plugin is installed",
                "Reload");
    }

    @Test
    void aSentenceThatGoesOnThroughItsCommandNamesTheStepWhole() {
        Playbook playbook = convert("<ol><li>Wait until <code>ceph -s</code> reports HEALTH_OK.</li>"
                + "<li>Run <code>kubectl get pods -n shop</code> and check that all are Running.</li>"
                + "<li>Restart it with <code>sudo systemctl restart nginx</code></li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Wait until ceph -s reports HEALTH_OK",
                "Run kubectl get pods -n shop and check that all are Running", "Restart it");
        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("ceph -s", "kubectl get pods -n shop", "sudo systemctl restart nginx");
    }

    @Test
    void aLineOfStatusLozengesJiraIssuesAndPeopleIsNoDescription() {
        Playbook playbook = convert("<p>Status: <ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"title\">"
                + "IN PROGRESS</ac:parameter></ac:structured-macro> \u00b7 Owner: <ac:link><ri:user ri:account-id=\"5b10\" />"
                + "</ac:link></p><p>Rotates the internal CA of cert-manager.</p><ol><li>Renew: <code>cmctl renew ca</code></li>"
                + "<li>Check: <code>cmctl status certificate ca</code></li></ol>");

        assertThat(playbook.description()).isEqualTo("Rotates the internal CA of cert-manager.");
    }

    @Test
    void aResponsibilitiesTableSaysWhoDoesWhatAndHoldsNoSteps() {
        Playbook playbook = convert("<h2>Responsibilities</h2><table><tbody><tr><th>#</th><th>Task</th><th>Owner</th></tr>"
                + "<tr><td>1</td><td>Disable the AD account</td><td>Service Desk</td></tr><tr><td>2</td><td>Collect the laptop"
                + "</td><td>IT</td></tr></tbody></table><h2>Procedure</h2><ol><li>Disable the account: <code>Disable-ADAccount "
                + "-Identity jdoe</code></li><li>Remove the groups: <code>Remove-ADGroupMember -Identity VPN -Members jdoe</code>"
                + "</li></ol>");

        Playbook listed = convert("<h2>Responsibilities</h2><p>The IAM on-call engineer carries out the following:</p><ol>"
                + "<li>Log in: <code>kcadm.sh config credentials --server https://sso.example.net</code></li><li>Rotate the "
                + "secret: <code>kcadm.sh create clients/abc/client-secret</code></li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Disable the account", "Remove the groups");
        Playbook actions = convert("<h2>Roles and responsibilities</h2><table><tbody><tr><th>Step</th><th>Action</th>"
                + "<th>Owner</th></tr><tr><td>1</td><td>Test the configuration: <code>sudo nginx -t</code></td><td>SRE</td></tr>"
                + "<tr><td>2</td><td>Reload: <code>sudo systemctl reload nginx</code></td><td>SRE</td></tr></tbody></table>");

        assertThat(listed.steps()).as("a list there is steps all the same").hasSize(2);
        assertThat(actions.steps()).as("so is a table that names its actions").hasSize(2);
        Playbook raci = convert("<h2>Responsibilities</h2><table><tbody><tr><th>Action</th><th>Responsible</th>"
                + "<th>Accountable</th><th>Consulted</th><th>Informed</th></tr><tr><td>Run the restore</td><td>SRE</td>"
                + "<td>Head of SRE</td><td>DBA</td><td>Support</td></tr></tbody></table><h2>Procedure</h2><ol><li>Restore: "
                + "<code>velero restore create --from-backup nightly</code></li><li>Check: <code>velero restore get</code>"
                + "</li></ol>");
        assertThat(raci.steps()).as("but not a RACI matrix, whatever its first column").hasSize(2);
    }

    @Test
    void aCodeBlockThatTheLastTaskAnnouncesIsThatTasksCommand() {
        Playbook playbook = convert("<h2>Checklist</h2><ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>"
                + "incomplete</ac:task-status><ac:task-body>Stop the batch: <code>sudo systemctl stop finbatch</code>"
                + "</ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status>"
                + "<ac:task-body>Refresh the reporting views:</ac:task-body></ac:task></ac:task-list>"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[sudo -u finbatch /opt/finbatch/bin/refresh-views.sh]]></ac:plain-text-body>"
                + "</ac:structured-macro>");

        assertThat(playbook.steps()).extracting(Step::action).containsExactly("shell", "shell");
        assertThat(playbook.steps().get(1).args()).containsEntry("command", "sudo -u finbatch /opt/finbatch/bin/refresh-views.sh");
    }

    @Test
    void aPageInfoPanelOfFieldsIsNoDescription() {
        Playbook playbook = convert("<ac:structured-macro ac:name=\"panel\"><ac:rich-text-body><p>Owner: Platform team</p>"
                + "<p>Last reviewed: 2024-05-02</p></ac:rich-text-body></ac:structured-macro><p>Renew the certificate of the "
                + "internal Grafana when certbot's renewal failed.</p><ol><li>Renew: <code>sudo certbot renew</code></li>"
                + "<li>Reload: <code>sudo systemctl reload nginx</code></li></ol>");

        Playbook fieldsInOneParagraph = convert("<p>Owner: Search team<br />Last reviewed: 2024-06-01<br />Applies to: "
                + "indexer-01, indexer-02</p><p>The search indexer consumes product changes from Kafka.</p><ol><li>Stop it: "
                + "<code>sudo systemctl stop indexer</code></li><li>Start it: <code>sudo systemctl start indexer</code></li></ol>");

        assertThat(playbook.description()).isEqualTo("Renew the certificate of the internal Grafana when certbot's renewal failed.");
        Playbook boldNames = convert("<p><strong>Owner</strong><br />Platform security</p><p>Owner: Platform security "
                + "\u00b7 Jira: SEC-2207</p><p>The bastion hosts get new host keys every year.</p><ol><li>Generate: <code>"
                + "sudo ssh-keygen -A</code></li><li>Restart: <code>sudo systemctl restart sshd</code></li></ol>");

        assertThat(fieldsInOneParagraph.description()).isEqualTo("The search indexer consumes product changes from Kafka.");
        assertThat(boldNames.description()).isEqualTo("The bastion hosts get new host keys every year.");
    }

    @Test
    void aMentionReadsAsTheUserItNames() {
        Playbook playbook = convert("<ol><li>Ask <ac:link><ri:user ri:username=\"jsmith\" /></ac:link> to approve the change"
                + "</li><li>Page <ac:link><ri:user ri:account-id=\"5b10ac8d82e05b22cc7d4ef5\" /></ac:link> when it fails"
                + "</li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Ask @jsmith to approve the change",
                "Page @user when it fails");
    }

    @Test
    void theListsInTheCellsOfALayoutTableAreSteps() {
        Playbook playbook = convert("<ac:structured-macro ac:name=\"details\"><ac:rich-text-body><table><tbody>"
                + "<tr><th>Alert</th><td>OrdersQueueBacklog</td></tr><tr><th>Response</th><td><ol><li>Check: "
                + "<code>kubectl get pods -n orders</code></li><li>Restart: <code>kubectl rollout restart deploy/orders</code>"
                + "</li></ol></td></tr></tbody></table></ac:rich-text-body></ac:structured-macro>");

        assertThat(playbook.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("kubectl get pods -n orders", "kubectl rollout restart deploy/orders");
    }

    @Test
    void aRollbackInsideAStepIsTheRollbackNotSubstepsAndTheStepGoesOnAfterIt() {
        String rollbackExpand = "<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">Rollback</ac:parameter>"
                + "<ac:rich-text-body><ol><li>Undo: <code>./migrate.sh undo</code></li></ol></ac:rich-text-body>"
                + "</ac:structured-macro>";
        Playbook inAList = convert("<h2>Procedure</h2><ol><li>Migrate: <code>./migrate.sh</code>" + rollbackExpand
                + "</li><li>Check: <code>./migrate.sh status</code></li></ol>");
        Playbook underAHeading = convert("<h2>3. Migrate</h2>" + code("bash", "./migrate.sh") + rollbackExpand
                + code("bash", "./migrate.sh validate") + "<h2>4. Restart</h2><h3>Rollback</h3><ol><li>Start the old one: "
                + "<code>sudo systemctl start app-old</code></li></ol>");

        assertThat(inAList.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("./migrate.sh", "./migrate.sh status");
        assertThat(inAList.steps().get(0).substeps()).isEmpty();
        assertThat(inAList.rollback()).extracting(step -> step.args().get("command")).containsExactly("./migrate.sh undo");
        assertThat(underAHeading.steps()).extracting(step -> step.args().get("command"))
                .containsExactly("./migrate.sh\n./migrate.sh validate", null);
        assertThat(underAHeading.rollback()).extracting(step -> step.args().get("command"))
                .containsExactly("./migrate.sh undo", "sudo systemctl start app-old");
    }

    @Test
    void paragraphsNumberedAsStepsAreStepsWhenTheyActOrRunACommand() {
        Playbook playbook = convert("<p>Restart the warmer as follows.</p><p>1) Log in: <code>ssh ops@worker-01</code></p>"
                + "<p>2) Delete the lock file <code>/var/run/warmer.lock</code> if it is there.</p>"
                + "<p>3) After a minute, check it: <code>journalctl -u warmer</code></p><p>If it hangs, page Pricing.</p>"
                + "<p>1. We chose Redis over Memcached for its replication.</p>");

        assertThat(playbook.steps()).extracting(Step::action).containsExactly("shell", "noop", "shell");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Log in",
                "Delete the lock file /var/run/warmer.lock if it is there", "After a minute, check it");
        assertThat(playbook.description()).isEqualTo("Restart the warmer as follows.");
    }

    @Test
    void anOrderedListInABulletAndNumberedLinesOfAParagraphAreSteps() {
        Playbook playbook = convert("<h2>Steps</h2><ul><li>For each agent:<ol><li>Stop it: <code>sudo systemctl stop agent</code>"
                + "</li><li>Start it: <code>sudo systemctl start agent</code></li></ol></li></ul>"
                + "<p>Then:<br />1. Restart Tomcat: <code>sudo systemctl restart tomcat</code><br />2. Open the billing UI and "
                + "log in.<br /></p><h2>After</h2><table><tbody><tr><th></th><th>Task</th></tr><tr><td>3</td><td>Watch the lag.</td></tr>"
                + "</tbody></table>");

        assertThat(playbook.steps()).extracting(Step::action)
                .containsExactly("shell", "shell", "shell", "noop", "noop");
        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Stop it", "Start it", "Restart Tomcat",
                "Open the billing UI and log in", "Watch the lag");
        assertThat(playbook.steps().get(4).args()).containsEntry("message", "Watch the lag.");
    }

    @Test
    void panelsAndIntroductionsOutsideTheStepsAreThePlaybooksAndThoseBeforeALaterStepGoWithIt() {
        String warning = "<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Only for a full outage.</p>"
                + "</ac:rich-text-body></ac:structured-macro>";
        String note = "<ac:structured-macro ac:name=\"note\"><ac:rich-text-body><p>Keep the old password until every "
                + "consumer restarted.</p></ac:rich-text-body></ac:structured-macro>";
        Playbook playbook = convert("<p>Bootstraps the Galera cluster.</p>" + warning + "<h2>Steps</h2>"
                + "<p>Repeat the following for each node, one at a time:</p><ol><li>Stop it: <code>sudo systemctl stop mariadb"
                + "</code></li><li>Start it: <code>sudo systemctl start mariadb</code></li></ol>" + note
                + "<h2>Rollback</h2><p>If the node does not rejoin:</p><ol><li>Restore: <code>mariabackup --copy-back</code>"
                + "</li></ol>");

        Step first = playbook.steps().get(0);
        assertThat(playbook.warnings()).containsExactly("Only for a full outage.");
        assertThat(playbook.notes()).containsExactly("Repeat the following for each node, one at a time:",
                "Keep the old password until every consumer restarted.");
        assertThat(first.warnings()).isEmpty();
        assertThat(first.notes()).isEmpty();
        assertThat(playbook.steps().get(1).notes()).as("a panel after the list is inside no step").isEmpty();
        assertThat(playbook.rollback().get(0).notes()).containsExactly("If the node does not rejoin:");
        assertThat(playbook.description()).isEqualTo("Bootstraps the Galera cluster.");
    }

    @Test
    void aNumberedParagraphOverACodeBlockNamesItsStepWithoutTheColonThatAnnouncesTheBlock() {
        Playbook playbook = convert("<p>1. Trigger a renewal:</p><ac:structured-macro ac:name=\"code\"><ac:plain-text-body>"
                + "<![CDATA[cmctl renew -n edge edge-wildcard]]></ac:plain-text-body></ac:structured-macro>"
                + "<p>2. Confirm the new expiry date as clients see it:</p><ac:structured-macro ac:name=\"code\">"
                + "<ac:plain-text-body><![CDATA[openssl s_client -connect edge.example.net:443]]></ac:plain-text-body>"
                + "</ac:structured-macro>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Trigger a renewal",
                "Confirm the new expiry date as clients see it");
    }

    @Test
    void aNameIsItsFirstSentenceAndKeepsTheActionOfAConditionAndTheBracketsOfABody() {
        Playbook playbook = convert("<ol><li>Wait until all placement groups are active+clean. The loop below prints the "
                + "progress: <code>watch ceph -s</code></li><li>If the exit code is 137: raise the memory limit in the chart."
                + "</li><li>Pause the phased release (body: <code>{\"state\": \"paused\"}</code>) in the console.</li></ol>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly(
                "Wait until all placement groups are active+clean",
                "If the exit code is 137: raise the memory limit in the chart",
                "Pause the phased release (body: {\"state\": \"paused\"}) in the console");
    }

    @Test
    void aDecisionTableRowIsNamedWithItsCondition() {
        Playbook playbook = convert("<table><tbody><tr><th>If you see</th><th>Action</th></tr><tr><td>5xx only from one pod"
                + "</td><td>Delete the pod: <code>kubectl delete pod x</code></td></tr><tr><td>When the pool is full</td>"
                + "<td>Check the connection pool</td></tr></tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("If 5xx only from one pod: Delete the pod",
                "When the pool is full: Check the connection pool");
        assertThat(playbook.steps().get(0).args()).containsEntry("command", "kubectl delete pod x");
    }

    @Test
    void escalationListsFootnotesAndAbbreviationsMakeNoStepsAndBulletOptionsNameTheirSteps() {
        Playbook playbook = convert("<h2>Procedure</h2><ul><li>Option A: from the nightly snapshot<ol><li>Restore: "
                + "<code>aws ec2 create-volume --snapshot-id snap-1</code></li></ol></li></ul>"
                + "<ol><li>Restart the proxy, e.g. Nginx or HAProxy, on each node. Then check it: <code>curl -fsS http://edge/health"
                + "</code></li></ol><p>1) see the AWS documentation on Elastic Volumes</p>"
                + "<table><tbody><tr><th>When</th><th>Who</th><th>Escalation order</th></tr><tr><td>Out of hours</td>"
                + "<td>DBA on-call</td><td><ol><li>PagerDuty schedule DBA Primary</li><li>DBA Secondary</li></ol></td></tr>"
                + "</tbody></table>");

        assertThat(playbook.steps()).extracting(Step::name).containsExactly("Restore",
                "Restart the proxy, e.g. Nginx or HAProxy, on each node");
        assertThat(playbook.steps().get(0).notes()).containsExactly("Option A: from the nightly snapshot");
    }

    @Test
    void nestedRollbackExpandsAreReadOnceAndANumberedParagraphStaysInTheSectionABoldNameOpened() {
        String nested = "<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">Rollback</ac:parameter>"
                + "<ac:rich-text-body>";
        Playbook deep = convert("<ol><li>Stop: <code>systemctl stop app</code>" + nested.repeat(40) + "<ol><li>Start: "
                + "<code>systemctl start app</code></li></ol>" + "</ac:rich-text-body></ac:structured-macro>".repeat(40)
                + "</li></ol>");
        Playbook warmer = convert("<ol><li>Stop the warmer: <code>systemctl stop warmer</code></li></ol>"
                + "<p><strong>Rollback:</strong></p><p>1) Start the warmer again: <code>systemctl start warmer</code></p>");

        assertThat(deep.rollback()).extracting(step -> step.args().get("command")).containsExactly("systemctl start app");
        assertThat(warmer.steps()).hasSize(1);
        assertThat(warmer.rollback()).extracting(Step::name).containsExactly("Start the warmer again");
    }
}
