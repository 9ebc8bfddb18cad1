package io.playbooks.conversion;

import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybookDetectorTest {

    private static final String PROCEDURE = "<h2>Prerequisites</h2><ul><li>sudo on the host</li></ul><h2>Steps</h2><ol>"
            + "<li>Stop the agent: <code>sudo systemctl stop agent</code></li><li>Clear the cache: <code>rm -rf /var/cache/agent</code></li>"
            + "<li>Start the agent: <code>sudo systemctl start agent</code></li></ol>";

    private static Detection detect(String title, List<String> labels, String body) {
        return new PageConverter().convert(SourcePage.of("1", "OPS", title, labels, body)).detection();
    }

    @Test
    void stagesNamedByAVerbAndToldOfTheirOwnSubjectAreNoInstructions() {
        Detection architecture = detect("Deployment pipeline architecture", List.of("architecture"), "<h2>Stages</h2><ol>"
                + "<li>Build: the CI job runs <code>make build</code> and pushes the image.</li>"
                + "<li>Test: unit and contract tests; the image is signed.</li>"
                + "<li>Deploy: the pre-sync hook runs <code>./deploy.sh --migrate</code> in the cluster.</li>"
                + "<li>Verify: the analysis template queries Prometheus for five minutes.</li></ol>");

        assertThat(architecture.isPlaybook()).isFalse();
        assertThat(architecture.reasons()).contains("label 'architecture' marks a page that is not a procedure (-0.50)")
                .noneMatch(reason -> reason.contains("imperative verb") || reason.contains("run a command"));

        Detection stagesWithTheirTools = detect("CI/CD pipeline stages: deploy", List.of("architecture"), "<ol>"
                + "<li><strong>Build</strong>: <code>docker build</code> with BuildKit cache; image pushed to Harbor.</li>"
                + "<li><strong>Test</strong>: unit tests and <code>trivy image</code> scan.</li>"
                + "<li><strong>Deploy</strong>: <code>helm upgrade --install</code> to staging, then production.</li></ol>");
        assertThat(stagesWithTheirTools.isPlaybook()).as("a stage's name is no instruction that outweighs the label").isFalse();
        assertThat(stagesWithTheirTools.reasons()).contains("label 'architecture' marks a page that is not a procedure (-0.50)");
    }

    @Test
    void aRunbookStubWhoseStepsAreStillToBeWrittenIsNoPlaybook() {
        Detection stub = detect("MirrorMaker DR failover runbook", List.of("runbook"),
                "<h2>Steps</h2><ol><li><p>TODO</p></li></ol><h2>Rollback</h2>");

        assertThat(stub.isPlaybook()).isFalse();
        assertThat(stub.reasons()).anyMatch(reason -> reason.startsWith("no steps found: every step is still to be written"));
    }

    @Test
    void labelsAndTitleWordsOfOtherLanguagesCountAsTheirEnglishKin() {
        String steps = "<ol><li>Comprobar el estado: <code>redis-cli -p 26379 sentinel masters</code></li>"
                + "<li>Forzar la conmutación: <code>redis-cli -p 26379 sentinel failover mymaster</code></li>"
                + "<li>Avisar al equipo de guardia</li></ol>";

        Detection labelled = detect("Conmutación manual de Redis Sentinel", List.of("procedimiento"), steps);
        Detection titled = detect("MySQL 主从切换手册", List.of(), steps);
        Detection minutes = detect("インフラ定例 議事録 2024-08-20", List.of("議事録"), steps);

        assertThat(labelled.isPlaybook()).isTrue();
        assertThat(labelled.reasons()).anyMatch(reason -> reason.startsWith("label 'procedimiento'"));
        assertThat(titled.reasons()).anyMatch(reason -> reason.startsWith("title word '手册'"));
        assertThat(minutes.isPlaybook()).isFalse();
    }

    @Test
    void anIndexOfRunbooksIsNoPlaybookHoweverImperativeItsLinksRead() {
        String link = "<li><ac:link><ri:page ri:content-title=\"%s\" /></ac:link></li>";
        Detection detection = detect("Payments team runbooks", List.of("payments"), "<p>Our runbooks.</p><ol>"
                + String.format(link, "Refund a card payment") + String.format(link, "Restart the payment gateway")
                + String.format(link, "Rotate the PSP API key") + "</ol>");

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("3 of 3 list items only link to other pages"));
    }

    @Test
    void anIndexWhoseLinksSayInAFewWordsWhatEachRunbookIsForIsNoPlaybook() {
        String link = "<li><ac:link><ri:page ri:content-title=\"%s\" /></ac:link> &#8211; %s</li>";
        Detection detection = detect("On-call runbooks", List.of("runbook"), "<ol>"
                + String.format(link, "Troubleshooting: /var is full on app servers", "DiskVarAbove90")
                + String.format(link, "Payments queue backing up", "PaymentsQueueDepthHigh")
                + String.format(link, "Flush the web shop session cache (Redis)", "login errors after a release")
                + "</ol>");

        assertThat(detection.isPlaybook()).as(String.valueOf(detection.reasons())).isFalse();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("3 of 3 list items only link to other pages"));
    }

    @Test
    void aTopicLabelSinksNoProcedureOfCommandsUnderAProcedureHeading() {
        Detection detection = detect("Bastion hosts: new elastic IPs", List.of("network", "architecture"),
                "<h2>Procedure</h2><ol><li>Allocate a new address: <code>aws ec2 allocate-address --domain vpc</code></li>"
                + "<li>Associate it with the bastion: <code>aws ec2 associate-address --instance-id i-0abc --allocation-id "
                + "eipalloc-1</code></li><li>Add the address to the partner allow-list.</li><li>Test a jump: <code>ssh -J "
                + "ops@bastion-a ops@10.20.1.5 hostname</code></li></ol>");

        assertThat(detection.isPlaybook()).as(String.valueOf(detection.reasons())).isTrue();
    }

    @Test
    void aProcedureMislabelledAsMeetingNotesIsAPlaybookButMeetingNotesWithCommandsAreNot() {
        String steps = "<h2>Steps</h2><ol><li>Stop Jenkins: <code>sudo systemctl stop jenkins</code></li>"
                + "<li>Find the newest backup: <code>LATEST=$(aws s3 ls s3://ci-backups/jenkins/ | tail -1)</code></li>"
                + "<li>Unpack it: <code>sudo tar -xzf /tmp/jenkins.tgz -C /var/lib/jenkins</code></li>"
                + "<li>Start Jenkins: <code>sudo systemctl start jenkins</code></li></ol>";
        Detection mislabelled = detect("Restore Jenkins from the nightly backup", List.of("meeting-notes", "jenkins"), steps);
        Detection minutes = detect("CI weekly 2024-06-03", List.of("meeting-notes"), "<h2>Attendees</h2><ul><li>Ana</li>"
                + "</ul><h2>Action items</h2>" + steps.replace("<h2>Steps</h2>", ""));

        Detection switched = detect("Switch DNS to the secondary region", List.of("decision"), "<ol><li>Lower the TTL: "
                + "<code>aws route53 change-resource-record-sets --cli-input-json file://ttl.json</code></li><li>Point the record "
                + "at the secondary: <code>aws route53 change-resource-record-sets --cli-input-json file://dr.json</code></li>"
                + "<li>Check it: <code>dig +short shop.example.net</code></li></ol>");

        assertThat(mislabelled.isPlaybook()).as(String.valueOf(mislabelled.reasons())).isTrue();
        assertThat(switched.isPlaybook()).as(String.valueOf(switched.reasons())).isTrue();
        assertThat(mislabelled.reasons()).anySatisfy(r -> assertThat(r).startsWith("label 'meeting-notes' is outweighed"));
        assertThat(minutes.isPlaybook()).as(String.valueOf(minutes.reasons())).isFalse();
    }

    @Test
    void aPersonalToDoPageIsNoPlaybookThoughItsTasksRunCommands() {
        String task = "<ac:task><ac:task-id>%d</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>%s"
                + "</ac:task-body></ac:task>";
        Detection detection = detect("Tomasz to-do", List.of("todo", "personal"), "<p>Things I need to get to.</p>"
                + "<ac:task-list>" + String.format(task, 1, "Try <code>kubectl debug node/ip-10-0-1-5 -it --image=busybox</code>")
                + String.format(task, 2, "Renew my YubiKey certificate") + String.format(task, 3, "Read the Karpenter docs")
                + "</ac:task-list>");

        assertThat(detection.isPlaybook()).as(String.valueOf(detection.reasons())).isFalse();
    }

    @Test
    void aTitleFramedAsAProcedureIsNotSunkByTheKindOfPageItIsAbout() {
        String steps = "<h2>Steps</h2><ol><li>Create the page from the template.</li><li>Copy the incident timeline from "
                + "the channel.</li><li>Write the contributing factors.</li><li>Ask the incident commander to review it.</li>"
                + "<li>Publish it in the incidents space.</li></ol>";
        String task = "<ac:task><ac:task-id>%d</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>%s"
                + "</ac:task-body></ac:task>";
        String handover = "<ac:task-list>" + String.format(task, 1, "Check that the PagerDuty schedule shows the incoming "
                + "engineer") + String.format(task, 2, "Hand over the open incidents") + String.format(task, 3, "Review the "
                + "silenced alerts") + String.format(task, 4, "Update the on-call channel topic") + "</ac:task-list>";
        String approvals = "<ac:task-list>" + String.format(task, 1, "Approved by the CAB chair") + String.format(task, 2,
                "Approved by payments engineering") + String.format(task, 3, "Approved by security") + "</ac:task-list>";

        assertThat(detect("How to write up a postmortem", List.of(), steps).isPlaybook()).isTrue();
        assertThat(detect("Weekly on-call handover checklist", List.of(), handover).isPlaybook()).isTrue();
        assertThat(detect("Payment gateway cutover sign-off checklist", List.of(), approvals).isPlaybook()).isFalse();
        assertThat(detect("Re-issue a lost hardware security key", List.of(), "<ol><li>Verify the employee's identity on "
                + "a video call.</li><li>Revoke the lost key in the Okta admin console.</li><li>Enrol a new key with the "
                + "employee.</li><li>Record the serial number in the asset register.</li></ol>").isPlaybook())
                .as("an instruction whose verb is written with a hyphen").isTrue();
    }

    @Test
    void aRunbookWhoseProcedureHasTheReaderCarryOutOtherRunbooksIsAPlaybook() {
        String link = "<li><ac:link><ri:page ri:content-title=\"%s\" /></ac:link></li>";
        Detection detection = detect("Quarterly node image refresh runbook", List.of("runbook"), "<h2>Prerequisites</h2>"
                + "<ul><li>An approved change</li></ul><h2>Procedure</h2><ol>" + String.format(link, "EKS node image refresh")
                + String.format(link, "GKE node image refresh") + String.format(link, "AKS node image refresh")
                + "<li>Post the list of clusters in the change and close it.</li></ol>");

        assertThat(detection.isPlaybook()).as(String.valueOf(detection.reasons())).isTrue();
    }

    @Test
    void aShortHeadingEndingInAProcedureWordSaysProcedureButNextStepsDoesNot() {
        String steps = "<ol><li>In the Veeam console, start Instant Recovery of fs-01.</li><li>Map the share on the test client.</li>"
                + "<li>Check that the share answers: <code>Test-NetConnection -ComputerName fs-01-dr -Port 445</code></li>"
                + "<li>Open three files and compare their dates.</li><li>Stop the recovery session.</li></ol>";

        Detection procedure = detect("FS-01 quarterly DR test", List.of("it-ops"), "<h2>Test procedure</h2>" + steps);
        Detection nextSteps = detect("FS-01 quarterly DR test", List.of("it-ops"), "<h2>Next steps</h2>" + steps);

        assertThat(procedure.reasons()).anySatisfy(r -> assertThat(r).contains("'Test procedure'"));
        assertThat(procedure.isPlaybook()).isTrue();
        assertThat(nextSteps.reasons()).noneSatisfy(r -> assertThat(r).contains("'Next steps'"));
    }

    @Test
    void guidesToWritingScriptsAndRunbooksAreNoPlaybooks() {
        String rules = "<ol><li><p>Start every script with strict mode:</p><ac:structured-macro ac:name=\"code\">"
                + "<ac:parameter ac:name=\"language\">bash</ac:parameter><ac:plain-text-body><![CDATA[set -euo pipefail]]>"
                + "</ac:plain-text-body></ac:structured-macro></li><li>Run shellcheck before you push: <code>shellcheck scripts/*.sh</code></li>"
                + "<li>Quote every variable.</li><li>Use long options: <code>kubectl get pods --namespace checkout</code></li></ol>";

        assertThat(detect("Bash scripting style guide", List.of(), rules).isPlaybook()).isFalse();
        assertThat(detect("How we write runbooks", List.of(), rules).isPlaybook()).isFalse();
        assertThat(detect("Restart the checkout workers", List.of(), rules).isPlaybook()).as("the same list, titled as an action")
                .isTrue();
    }

    @Test
    void anOnCallHandoverWithFollowUpsIsNoPlaybook() {
        Detection detection = detect("On-call handover 2024-W23", List.of("oncall", "handover"),
                "<h2>Incidents</h2><p>Two pages, both resolved.</p><h2>Follow-ups</h2><ol>"
                        + "<li>Check the disk of db-02: <code>df -h /var/lib/postgresql</code></li>"
                        + "<li>Review the alert thresholds with the team.</li><li>Close the ticket OPS-112.</li></ol>");

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("'handover'"));
    }

    @Test
    void anIncidentReviewWithATimelineIsNoPlaybook() {
        Detection detection = detect("Product search outage on 2024-08-12", List.of("incident"),
                "<h2>Summary</h2><p>Search was down for 40 minutes.</p><h2>Timeline</h2><p>09:12 alert fired.</p>"
                        + "<h2>Follow-up actions</h2><ol><li>Add an alert on the heap: <code>kubectl apply -f heap-alert.yaml</code></li>"
                        + "<li>Review the capacity plan.</li></ol>");

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("'Timeline'"));
    }

    @Test
    void oneHeadingOfAnotherKindOfPageDoesNotSinkAProcedure() {
        Detection detection = detect("Ledger database standby", List.of(), "<h2>Decision</h2><p>Promote the standby when the "
                + "primary is down for 10 minutes.</p><h2>Procedure</h2><ol><li>Check replication: <code>psql -c 'select 1'</code></li>"
                + "<li>Promote: <code>kubectl exec ledger-db-1 -- pg_ctl promote</code></li>"
                + "<li>Point the app at it: <code>kubectl set env deploy/ledger DB_HOST=ledger-db-1</code></li></ol>");

        assertThat(detection.isPlaybook()).isTrue();
    }

    @Test
    void numberedSectionsThatNameTopicsAreNoStepHeadingsAndAnAdrIsNoPlaybook() {
        Detection architecture = detect("Search cluster topology and failover", List.of(), "<h2>1. Topology</h2><p>Three zones.</p>"
                + "<h2>2. Replicas and allocation</h2><p>One replica per zone.</p><h2>3. Zone loss</h2><p>Shards move.</p>"
                + "<h2>4. Node loss</h2><p>Check health: <code>curl https://search:9200/_cluster/health</code></p>");
        Detection adr = detect("ADR-022: Replace SOPS with External Secrets", List.of("adr"), "<h2>Decision</h2><p>We move.</p>"
                + "<ol><li>Install the operator: <code>helm install eso external-secrets/external-secrets</code></li>"
                + "<li>Migrate the secrets.</li></ol>");

        assertThat(architecture.isPlaybook()).isFalse();
        assertThat(architecture.reasons()).noneSatisfy(r -> assertThat(r).contains("numbered step headings"));
        assertThat(adr.isPlaybook()).isFalse();
        assertThat(adr.reasons()).anySatisfy(r -> assertThat(r).contains("'adr'"));
    }

    @Test
    void structureAloneMakesAProcedureAPlaybook() {
        Detection detection = detect("Agent cache", List.of(), PROCEDURE);
        assertThat(detection.isPlaybook()).isTrue();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("steps run a command"))
                .anySatisfy(r -> assertThat(r).contains("imperative verb"));
    }

    @Test
    void labelsAndTitleWordsAddToTheScore() {
        double plain = detect("Agent cache", List.of(), PROCEDURE).score();
        double labelled = detect("Restart the agent", List.of("runbook"), PROCEDURE).score();
        assertThat(labelled).isGreaterThan(plain);
        assertThat(detect("Restart the agent", List.of("kb-how-to-article"), PROCEDURE).reasons())
                .anySatisfy(r -> assertThat(r).contains("label 'kb-how-to-article'"));
    }

    @Test
    void meetingNotesWithATaskListOfCommandsAreNotAPlaybook() {
        String notes = "<h2>Participants</h2><ul><li>Ann</li></ul><h2>Action items</h2><ac:task-list><ac:task><ac:task-body>"
                + "check that <code>kubectl drain n1</code> works</ac:task-body></ac:task></ac:task-list>";
        Detection detection = detect("2024-05-14 Platform ops sync", List.of("meeting-notes"), notes);
        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("meeting-notes"))
                .anySatisfy(r -> assertThat(r).contains("Participants"));
    }

    @Test
    void aMeetingRoomInTheTitleIsNoMeeting() {
        String body = "<h2>Resolution</h2><ol><li>Restart the room controller with <code>systemctl restart tap-agent</code>.</li>"
                + "<li>Check the display.</li></ol>";
        assertThat(detect("Meeting room display frozen", List.of(), body).reasons())
                .noneSatisfy(r -> assertThat(r).contains("'meeting'"));
        assertThat(detect("Meeting notes display team", List.of(), body).reasons())
                .anySatisfy(r -> assertThat(r).contains("'meeting'"));
    }

    @Test
    void architectureAndReleaseNotesAreNotPlaybooksEvenWithDeploymentInTheTitle() {
        String requestPath = "<ol><li>Clients reach the CDN.</li><li>The ALB sends traffic to the ingress.</li></ol>";
        assertThat(detect("Checkout - Deployment Architecture", List.of(), requestPath).isPlaybook()).isFalse();
        assertThat(detect("API 4.12 release notes", List.of(), "<h2>Changes</h2>" + requestPath).isPlaybook()).isFalse();
    }

    @Test
    void aTitleAloneDoesNotMakeAPlaybook() {
        Detection detection = detect("How to deploy", List.of(), "<p>Ask the release manager.</p>");
        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("no steps"));
    }

    @Test
    void aFaqIsJudgedByWhatItHoldsAProcedureOfCommandsOrAnswersOnly() {
        Detection procedure = detect("Vault operations FAQ", List.of("faq"), "<h2>How do I unseal a Vault node?</h2><ol>"
                + "<li>Check the seal status: <code>vault status</code></li><li>Enter three key shares: "
                + "<code>vault operator unseal</code></li><li>Check it again: <code>vault status</code></li></ol>");
        Detection answers = detect("Expense policy FAQ", List.of("faq"), "<h2>Can I expense a taxi?</h2><p>Yes, after 22:00."
                + "</p><h2>Who approves?</h2><p>Your manager.</p>");

        assertThat(procedure.isPlaybook()).isTrue();
        assertThat(answers.isPlaybook()).isFalse();
    }

    @Test
    void aProjectPlanIsNoPlaybookEvenWithMigrationInItsTitle() {
        Detection detection = detect("Kubernetes migration project plan", List.of("project-plan"), "<h2>Phases</h2><ol>"
                + "<li><p>Inventory the VM services (June)</p></li><li><p>Migrate stateless services</p></li></ol>");

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(reason -> assertThat(reason).contains("'project plan'"));
    }

    @Test
    void aChecklistOfTasksInTheImperativeIsAPlaybookWithoutLabelsAndSoIsAnIncidentResponse() {
        String task = "<ac:task><ac:task-id>%d</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>%s"
                + "</ac:task-body></ac:task>";
        Detection friday = detect("Friday release", List.of(), "<ac:task-list>"
                + String.format(task, 1, "Freeze merges: <code>gh api -X PUT repos/shop/web/freeze</code>")
                + String.format(task, 2, "Ship it: <code>./deploy.sh prod</code>")
                + String.format(task, 3, "Check the smoke tests in #deploys")
                + String.format(task, 4, "Unfreeze merges: <code>gh api -X DELETE repos/shop/web/freeze</code>")
                + "</ac:task-list>");
        Detection sev1 = detect("SEV1 response", List.of("incident-response"), "<ol><li>Declare the incident in #inc</li>"
                + "<li>Join the standing bridge</li><li>Assign a scribe</li><li>Freeze deployments</li>"
                + "<li>Post updates every 30 minutes</li></ol>");

        assertThat(friday.isPlaybook()).as(friday.reasons().toString()).isTrue();
        assertThat(sev1.isPlaybook()).as(sev1.reasons().toString()).isTrue();
    }

    @Test
    void stepsCountByWhatTheirSubstepsDo() {
        String code = "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[%s]]></ac:plain-text-body>"
                + "</ac:structured-macro>";
        Detection detection = detect("Wiki attachments to S3", List.of("s3", "wiki"), "<h2>1. Preparation</h2>"
                + "<h3>Step 1: Create the bucket</h3>" + String.format(code, "aws s3 mb s3://wiki-attachments")
                + "<h3>Step 2: Copy the files</h3>" + String.format(code, "aws s3 sync /var/wiki/attachments s3://wiki-attachments")
                + "<h2>2. Cutover</h2><h3>Step 3: Point the wiki at the bucket</h3>"
                + String.format(code, "kubectl -n wiki set env deploy/wiki STORAGE=s3")
                + "<h3>Step 4: Restart the wiki</h3>" + String.format(code, "kubectl -n wiki rollout restart deploy/wiki"));

        assertThat(detection.isPlaybook()).as(detection.reasons().toString()).isTrue();
        assertThat(detection.reasons()).anySatisfy(reason -> assertThat(reason).contains("2 of 2 steps run a command"));
    }

    @Test
    void aTopicWordDoesNotSinkAProcedureOfCommandsButStillSinksADescription() {
        Detection docs = detect("Architecture docs site: rebuild and publish", List.of("api"), "<ol><li>Build the site: "
                + "<code>mkdocs build --strict</code></li><li>Upload it: <code>aws s3 sync site s3://arch-docs/ --delete"
                + "</code></li><li>Open the site and check the footer date.</li></ol>");
        Detection architecture = detect("Checkout deployment architecture", List.of(), "<h2>Request path</h2><ol>"
                + "<li>Clients reach the CDN, which terminates TLS.</li><li>The CDN forwards to the public ALB.</li></ol>");

        String examples = "<h2>Create an order</h2><ol><li>Get a token: <code>curl -X POST https://auth/token</code></li>"
                + "<li>Post the order: <code>curl -X POST https://api/orders -d @order.json</code></li></ol>";
        Detection reference = detect("Orders API v3", List.of("api"), examples);
        Detection policy = detect("SSH access policy", List.of(), examples);

        assertThat(docs.isPlaybook()).as(docs.reasons().toString()).isTrue();
        assertThat(docs.reasons()).anySatisfy(reason -> assertThat(reason).contains("'architecture' names what the steps"));
        assertThat(architecture.isPlaybook()).isFalse();
        // nothing but the steps says procedure there: the topic counts against the page
        assertThat(reference.isPlaybook()).as(reference.reasons().toString()).isFalse();
        assertThat(policy.isPlaybook()).as(policy.reasons().toString()).isFalse();
    }

    @Test
    void aManualProcedureCountsItsVerbsAfterAnOpeningClauseAndItsResolutionHeading() {
        Detection detection = detect("EC2 instance stuck stopping", List.of(), "<h2>Mitigation</h2><ol>"
                + "<li>In the EC2 console, open the instance.</li><li>If it is still stopping after ten minutes, force the stop."
                + "</li><li>Once stopped, start it again.</li><li>Check the status checks: <code>aws ec2 describe-instance-status"
                + " --instance-ids i-0abc</code></li></ol>");

        assertThat(detection.isPlaybook()).as(detection.reasons().toString()).isTrue();
        assertThat(detection.reasons()).anySatisfy(reason -> assertThat(reason).contains("4 of 4 steps start with"));
    }

    @Test
    void anExplanationOfWhatCiRunsIsNoPlaybook() {
        String stages = "<ol><li><strong>Build.</strong> GitLab CI builds the image:<ac:structured-macro ac:name=\"code\">"
                + "<ac:plain-text-body><![CDATA[/kaniko/executor --destination $IMAGE]]></ac:plain-text-body>"
                + "</ac:structured-macro></li><li><strong>Deploy.</strong> Argo CD syncs the release.</li></ol>";
        Detection detection = detect("How the deploy pipeline works", List.of("ci", "explanation"), stages);

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(r -> assertThat(r).contains("label 'explanation'"));
    }

    @Test
    void aRunbookTemplateIsNoPlaybook() {
        Detection detection = detect("Runbook template", List.of("template"), "<h2>Steps</h2><ol><li>Run the command:"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[<command>]]></ac:plain-text-body></ac:structured-macro></li>"
                + "<li><ac:placeholder>Describe how to verify</ac:placeholder></li></ol>");

        assertThat(detection.isPlaybook()).isFalse();
    }

    @Test
    void aRegisterOfPastRunsWithTheirCommandsIsNoPlaybook() {
        String row = "<tr><td>2024-0%d-02</td><td>shop.example.com</td><td>ana</td><td><code>sudo certbot renew "
                + "--cert-name shop</code></td><td>OPS-12%d</td></tr>";
        Detection detection = detect("Shop certificates", List.of(), "<table><tbody><tr><th>Date</th><th>Certificate</th>"
                + "<th>Renewed by</th><th>Command used</th><th>Ticket</th></tr>" + row.formatted(3, 1)
                + row.formatted(6, 2) + row.formatted(9, 3) + "</tbody></table>");

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).noneSatisfy(reason -> assertThat(reason).contains("step tables"));
    }

    @Test
    void aPatchLogUnderAChecklistGivesNoSteps() {
        Playbook playbook = new PageConverter().convert(SourcePage.of("1", "OPS", "Bastion monthly patching", List.of(),
                "<h2>Checklist</h2><ol><li>Patch it: <code>sudo apt-get upgrade -y</code></li></ol><h2>Patch log</h2>"
                        + "<table><tr><th>Month</th><th>Engineer</th><th>Action</th></tr><tr><td>2024-09</td><td>Ana</td>"
                        + "<td>Rebooted: <code>sudo systemctl reboot</code></td></tr></table>")).playbook();

        assertThat(playbook.steps()).extracting(step -> step.args().get("command")).containsExactly("sudo apt-get upgrade -y");
    }

    @Test
    void trainingMaterialLogsOfPastRunsStrategiesAndThreatBriefsAreNoPlaybooks() {
        assertThat(detect("On-call training module 3: Kubernetes troubleshooting", List.of(), PROCEDURE).reasons())
                .anySatisfy(reason -> assertThat(reason).contains("'training module'"));
        assertThat(detect("Kubernetes troubleshooting exercises", List.of("training"), PROCEDURE).reasons())
                .anySatisfy(reason -> assertThat(reason).contains("label 'training'"));
        assertThat(detect("TLS certificate renewal log", List.of(), PROCEDURE).reasons())
                .anySatisfy(reason -> assertThat(reason).contains("'renewal log'"));
        assertThat(detect("Backup and restore strategy", List.of(), PROCEDURE).reasons())
                .anySatisfy(reason -> assertThat(reason).contains("'strategy'"));
        assertThat(detect("Threat brief: help desk MFA reset attacks", List.of(), PROCEDURE).reasons())
                .anySatisfy(reason -> assertThat(reason).contains("'threat brief'"));
        assertThat(detect("FRA1 to FRA3 move: lessons learned", List.of(), PROCEDURE).reasons())
                .anySatisfy(reason -> assertThat(reason).contains("'lessons learned'"));
    }

    @Test
    void afterAVerbThatInstructsTheTitlesNounsNameWhatTheProcedureWorksOn() {
        Detection policy = detect("Apply the new policy to the firewall", List.of(), PROCEDURE);
        assertThat(policy.isPlaybook()).isTrue();
        assertThat(policy.reasons()).noneSatisfy(reason -> assertThat(reason).contains("'policy'"));
        assertThat(detect("Firewall policy", List.of(), PROCEDURE).reasons())
                .anySatisfy(reason -> assertThat(reason).contains("'policy'"));
    }

    @Test
    void aCheatSheetOfCommandsIsNoPlaybook() {
        Detection detection = detect("kubectl cheat sheet", List.of(), "<table><tbody><tr><th>Command</th>"
                + "<th>What it does</th></tr><tr><td><code>kubectl get pods -A</code></td><td>Lists every pod</td></tr>"
                + "<tr><td><code>kubectl rollout restart deploy/api</code></td><td>Restarts the api</td></tr></tbody></table>");

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).anySatisfy(reason -> assertThat(reason).contains("'cheat sheet'"));
    }

    @Test
    void aTitleThatIsAnInstructionSaysProcedureWhateverItsVerb() {
        String manual = "<h2>Step 1: Open the folder</h2><p>Sign in as an admin.</p><h2>Step 2: Add the team</h2>"
                + "<p>Choose Edit.</p><h2>Step 3: Tell the requester</h2><p>Reply on the ticket.</p>";

        Detection give = detect("Give a team edit access to a Grafana folder", List.of("grafana"), manual);

        assertThat(give.isPlaybook()).isTrue();
        assertThat(give.reasons()).contains("title 'Give a team edit access to a Grafana folder' is an instruction (+0.20)");
        for (String title : List.of("Test strategy", "Building a culture of blameless postmortems",
                "Read the runbooks before your first on-call week", "Make the most of the new dashboards")) {
            assertThat(detect(title, List.of(), manual).reasons()).as(title)
                    .noneSatisfy(reason -> assertThat(reason).contains("is an instruction"));
        }
    }

    @Test
    void aCompoundLabelThatAlsoNamesAnotherKindOfPageMarksNoProcedure() {
        Detection index = detect("Network pages", List.of("runbook-index"), "<p>Runbooks by alert.</p>");
        Detection howTo = detect("Network pages", List.of("kb-how-to-article"), "<p>Runbooks by alert.</p>");

        assertThat(index.reasons()).noneSatisfy(reason -> assertThat(reason).contains("marks a procedure"));
        assertThat(index.reasons()).contains("label 'runbook-index' marks a page that is not a procedure (-0.50)");
        assertThat(detect("Network pages", List.of("helm-template", "search-index"), "<p>Runbooks by alert.</p>").reasons())
                .noneSatisfy(reason -> assertThat(reason).contains("not a procedure"));
        assertThat(howTo.reasons()).contains("label 'kb-how-to-article' marks a procedure (+0.30)");
    }

    @Test
    void prerequisitesOverATimelineOfWhatOthersWillDoSayNoProcedure() {
        Detection window = detect("Maintenance window for the ERP database", List.of(), "<h2>Before you start</h2>"
                + "<ul><li>Nothing to prepare on your side</li></ul><h2>Timeline</h2><ol><li>22:00 The ERP is put in "
                + "maintenance mode.</li><li>22:15 The secondary replica is upgraded.</li><li>23:00 The service is back.</li></ol>");

        assertThat(window.isPlaybook()).isFalse();
        assertThat(window.reasons()).noneSatisfy(reason -> assertThat(reason).startsWith("has prerequisites"));
    }

    @Test
    void anIncidentReviewOfTheCommandsRunIsNoPlaybook() {
        Detection review = detect("Incident review: partner API certificate expired", List.of("incident-review"),
                "<h2>What happened</h2><p>The certificate expired at 02:10.</p><h2>What we did</h2><ol>"
                        + "<li>Renewed by hand: <code>sudo certbot renew --cert-name partner-api --force-renewal</code></li>"
                        + "<li>Reloaded nginx: <code>sudo systemctl reload nginx</code></li></ol><h2>Why it happened</h2>"
                        + "<p>The renewal timer was disabled.</p>");

        assertThat(review.isPlaybook()).isFalse();
        assertThat(review.reasons()).contains("label 'incident-review' marks a page that is not a procedure (-0.50)");
    }

    @Test
    void aPageTurnedDownWithSignalsOfAProcedureSaysTheyWereNotEnough() {
        Detection detection = detect("Release process", List.of(), "<h2>Steps</h2><ol><li>Cut the branch</li>"
                + "<li>Tag the release</li><li>Announce it</li></ol>");

        assertThat(detection.isPlaybook()).isFalse();
        assertThat(detection.reasons()).last().isEqualTo("score 0.45 is below the 0.50 a playbook needs");
        assertThat(detect("Runbook: restart", List.of("runbook"), PROCEDURE).reasons())
                .noneSatisfy(reason -> assertThat(reason).contains("is below"));
    }

    @Test
    void aLongListOfInstructionsUnderAProcedureHeadingIsAPlaybookWithoutLabelTitleWordOrCommand() {
        Detection manual = detect("NetApp shelf PSU swap", List.of(), "<p>A shelf PSU shows amber.</p><h2>Procedure</h2><ol>"
                + "<li>Confirm the faulted PSU in System Manager.</li><li>Turn off the faulted PSU and unplug it.</li>"
                + "<li>Remove it and insert the new one.</li><li>Plug the power cord in.</li>"
                + "<li>Verify that its LED is green.</li></ol>");
        Detection advice = detect("Order confirmation e-mails delayed", List.of(), "<p>Since 09:40 e-mails arrive late.</p>"
                + "<h2>What to do</h2><ol><li>Check your spam folder.</li><li>Wait an hour before you order again.</li>"
                + "<li>Contact support if it has not arrived by tomorrow.</li></ol><h2>Updates</h2><p>10:15 Fixed.</p>");
        Detection norms = detect("How our team works", List.of(), "<ol><li>Keep meetings short.</li>"
                + "<li>Write things down.</li><li>Review each other's work.</li><li>Share what you learn.</li>"
                + "<li>Ask for help early.</li></ol>");

        assertThat(manual.isPlaybook()).isTrue();
        assertThat(manual.reasons()).contains("5 steps, mostly instructions, beside a procedure heading: a manual procedure (+0.05)");
        assertThat(manual.score()).isEqualTo(0.50);
        assertThat(advice.isPlaybook()).isFalse();
        assertThat(norms.isPlaybook()).isFalse();
    }

    @Test
    void aProductRequirementsPageAndAnEtiquetteAreNoProceduresWhateverTheirStepsHeading() {
        Detection prd = detect("Self-service password reset \u2013 PRD", List.of(), "<h2>Goals</h2><p>Fewer tickets.</p>"
                + "<h2>User flow</h2><h3>Steps</h3><ol><li>Click Forgot password.</li><li>Enter the e-mail address.</li>"
                + "<li>Open the link in the e-mail.</li></ol><h2>Open questions</h2><p>SMS?</p>");
        Detection etiquette = detect("Code review etiquette", List.of(), "<h2>Steps</h2><ol><li>Review the change, not the "
                + "person.</li><li>Answer review requests within a day.</li><li>Approve when it is good enough.</li></ol>");

        assertThat(prd.isPlaybook()).isFalse();
        assertThat(prd.reasons()).anySatisfy(reason -> assertThat(reason).contains("'Goals', 'User flow', 'Open questions'"));
        assertThat(etiquette.isPlaybook()).isFalse();
        assertThat(detect("Pentest 2024 Q3: findings summary", List.of(), "<h2>Remediation</h2><ol><li>Enforce MFA on the "
                + "VPN.</li><li>Remove the default account.</li><li>Set HSTS on the portal.</li></ol>").isPlaybook()).isFalse();
        assertThat(detect("Definition of done - Platform squad", List.of(), "<h2>Steps</h2><ol><li>Merge it.</li><li>Deploy "
                + "it.</li><li>Update the docs.</li><li>Tell the team.</li><li>Close the ticket.</li></ol>").isPlaybook()).isFalse();
    }

    @Test
    void recordsOfWorkDoneAssessmentsSchedulesAndMatricesAreNoProceduresWhateverTheirCommands() {
        String done = "<h2>What was done</h2><ol><li>Took a snapshot: <code>etcdctl snapshot save /backup/s.db</code></li>"
                + "<li>Ran <code>kubeadm upgrade apply v1.29.4 --yes</code>; it took 6 minutes.</li></ol>"
                + "<h2>Follow-ups</h2><ac:task-list><ac:task><ac:task-body>Update the runbook</ac:task-body></ac:task>"
                + "</ac:task-list>";
        String checked = "<h2>How we checked</h2><ol><li>Ran <code>pluto detect-all-in-cluster -o wide</code>.</li>"
                + "<li>Listed the insights: <code>aws eks list-insights --cluster-name prod</code></li></ol>";
        String matrix = "<table><tr><th>Control</th><th>Audit command</th></tr><tr><td>1.1</td><td><code>findmnt /tmp</code>"
                + "</td></tr><tr><td>1.2</td><td><code>sysctl kernel.randomize_va_space</code></td></tr></table>";

        assertThat(detect("prod-eu-1 1.29 upgrade report", List.of(), done).isPlaybook()).isFalse();
        assertThat(detect("EKS 1.30 upgrade readiness assessment", List.of(), checked).isPlaybook()).isFalse();
        assertThat(detect("CIS Ubuntu 22.04 control matrix", List.of(), matrix).isPlaybook()).isFalse();
    }

    @Test
    void stepsInThePastTenseAreARecordOfWorkDoneButALabelBeforeAnInstructionOrACommandIsNone() {
        Detection record = detect("Kafka 3.7 upgrade of kafka-prod, June 2024", List.of(), "<h2>Steps</h2><ol>"
                + "<li>Stopped broker 1 at 10:04: <code>sudo systemctl stop kafka</code></li>"
                + "<li>Installed the package: <code>sudo apt-get install kafka=3.7.0</code></li>"
                + "<li>Ran the preferred leader election: <code>kafka-leader-election.sh --election-type preferred</code></li>"
                + "</ol>");
        Detection tapes = detect("Offsite tape rotation", List.of(), "<h2>Steps</h2><ol><li>Put the tapes in the "
                + "container.</li><li>Hand the container to the courier.</li><li>Record the barcodes in the log.</li>"
                + "<li>Return the old container to the rack.</li></ol>");

        Detection labelled = detect("OpenStack orphaned volumes", List.of(), "<h2>Procedure</h2><ol>"
                + "<li>Detached volumes: list them: <code>openstack volume list --all-projects --status available</code></li>"
                + "<li>Backed-up volumes: delete them: <code>openstack volume delete vol-1</code></li>"
                + "<li>Reported volumes: list the deleted IDs in the monthly storage ticket.</li></ol>");

        Detection headings = detect("Elasticsearch 8.13 upgrade: what we did", List.of(), "<h3>Step 1: Disabled shard "
                + "allocation</h3><p>We set the allocation to primaries:</p><ac:structured-macro ac:name=\"code\"><ac:plain-text-body>"
                + "<![CDATA[curl -X PUT localhost:9200/_cluster/settings -d @alloc.json]]></ac:plain-text-body></ac:structured-macro>"
                + "<h3>Step 2: Upgraded the nodes one by one</h3><p>With <code>sudo apt-get install elasticsearch=8.13.0</code>.</p>"
                + "<h3>Step 3: Waited for green</h3><p>It took 40 minutes.</p>");

        assertThat(record.isPlaybook()).isFalse();
        assertThat(record.reasons()).contains("3 of 3 steps say what was done, in the past tense: a record of work done (-0.30)");
        assertThat(headings.isPlaybook()).isFalse();
        assertThat(tapes.isPlaybook()).isTrue();
        assertThat(labelled.isPlaybook()).isTrue();
        assertThat(detect("Kubernetes node pressure clean-up runbook", List.of(), "<h2>Procedure</h2><ol>"
                + "<li>Evicted pods: <code>kubectl delete pods -A --field-selector=status.phase=Failed</code></li>"
                + "<li>Completed jobs: <code>kubectl delete jobs -n batch --field-selector=status.successful=1</code></li>"
                + "<li>Orphaned PVCs: <code>kubectl get pvc -A</code></li></ol>").reasons())
                .noneSatisfy(reason -> assertThat(reason).contains("past tense"));
        assertThat(labelled.reasons()).contains("3 of 3 steps start with an imperative verb (+0.15)")
                .noneSatisfy(reason -> assertThat(reason).contains("past tense"));
    }

    @Test
    void aStepsHeadingSaysProcedureSoATopicLabelIsLetOffButStepsToReproduceDoNot() {
        Detection replay = detect("Replay failed webhook deliveries", List.of("api", "webhooks"), "<h2>Steps</h2><ol>"
                + "<li>List the failed deliveries: <code>curl -s https://hooks.internal/api/failed</code></li>"
                + "<li>Replay them: <code>curl -X POST https://hooks.internal/api/replay</code></li></ol>");
        Detection bug = detect("Checkout hangs on pay", List.of(), "<h2>Steps to reproduce</h2><ol><li>Open the cart</li>"
                + "<li>Click Pay</li></ol>");

        assertThat(replay.isPlaybook()).isTrue();
        assertThat(replay.reasons()).contains("headings such as 'Steps' belong to a procedure (+0.10)",
                "label 'api' names what the steps work on: they run commands, in the imperative (+0.00)");
        assertThat(bug.reasons()).noneSatisfy(reason -> assertThat(reason).contains("belong to a procedure"));
    }

    @Test
    void scoreStaysWithinZeroAndOneAndAlwaysHasReasons() {
        Detection high = detect("Runbook: restart", List.of("runbook", "sop"), PROCEDURE);
        Detection low = detect("Glossary reference policy", List.of("glossary"), "<p>Terms.</p>");
        assertThat(high.score()).isEqualTo(1.0);
        assertThat(low.score()).isEqualTo(0.0);
        assertThat(detect("x", List.of(), "<p>a</p><ol><li>Something</li></ol>").reasons()).isNotEmpty();
    }

    @Test
    void writesEveryWeightAsTheFormatterWould() {
        List<Double> weights = new ArrayList<>(List.of(0.0, -0.0, 0.3, -0.3, 0.15, 0.125, 0.135, 0.145, 0.005, -0.005,
                0.0049999, -0.001, 0.995, 1.005, 2.675, 1e-9, 123.456, -98.765, 1e20, Double.MIN_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            weights.add(Math.round((random.nextDouble() * 4 - 2) * 1000) / 1000.0);
            weights.add(random.nextGaussian());
        }
        for (double weight : weights) {
            assertThat(PlaybookDetector.signed(weight)).as("weight %s", weight)
                    .isEqualTo(String.format(Locale.ROOT, "%+.2f", weight));
        }
    }

    @Test
    void findsALabelPartExactlyWhereTheHyphenPaddedLabelContainsIt() {
        List<String> texts = List.of("", "-", "--", "how", "how-to", "kb-how-to-article", "showto", "how-tos", "a-how",
                "how-", "-how", "how--to", "runbook", "run-book", "runbooks-runbook");
        for (String label : texts) {
            for (String part : texts) {
                assertThat(PlaybookDetector.hasPart(label, part)).as("'%s' in '%s'", part, label)
                        .isEqualTo(("-" + label + "-").contains("-" + part + "-"));
            }
        }
    }
}
