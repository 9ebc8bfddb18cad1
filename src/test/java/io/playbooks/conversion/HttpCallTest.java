package io.playbooks.conversion;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpCallTest {

    private static HttpCall call(String command) {
        return HttpCall.of(command).orElseThrow(() -> new AssertionError("not an HTTP call: " + command));
    }

    @Test
    void aCallContinuedOverLinesWithCmdsCaretOrPowerShellsBacktickIsOneCall() {
        HttpCall cmd = HttpCall.of("curl.exe -X POST ^\n  -H \"Authorization: Bearer %TOKEN%\" ^\n"
                + "  https://support.example.com/api/v2/cases/48213/attachments").orElseThrow();
        HttpCall powerShell = HttpCall.of("curl.exe -s `\n  https://support.example.com/api/v2/cases/48213").orElseThrow();

        assertThat(cmd.method()).isEqualTo("POST");
        assertThat(cmd.url()).isEqualTo("https://support.example.com/api/v2/cases/48213/attachments");
        assertThat(powerShell.method()).isEqualTo("GET");
        assertThat(powerShell.url()).isEqualTo("https://support.example.com/api/v2/cases/48213");
    }

    @Test
    void methodFromDashXWithHeadersAndDataFile() {
        HttpCall call = call("curl -X PUT \"http://es:9200/products-v2\" -H 'Content-Type: application/json' -d @mapping.json");
        assertThat(call.method()).isEqualTo("PUT");
        assertThat(call.url()).isEqualTo("http://es:9200/products-v2");
        assertThat(call.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(call.body()).isEqualTo("@mapping.json");
    }

    @Test
    void anyMethodNameIsKeptInCapitalsAndAParameterAsWritten() {
        assertThat(call("curl -X PURGE https://www.shop.example.net/p/1").method()).isEqualTo("PURGE");
        assertThat(call("curl --request propfind https://dav.example.net/").method()).isEqualTo("PROPFIND");
        assertThat(call("curl -X ${METHOD} https://api.example.net/x").method()).isEqualTo("${METHOD}");
        assertThat(call("curl -X '' -d a=1 https://api.example.net/x").method()).isEqualTo("POST");
        assertThat(call("wget --method=PURGE https://www.shop.example.net/p/1").method()).isEqualTo("PURGE");
    }

    @Test
    void aMethodNoStepCanDescribeLeavesTheCommandAShellCommand() {
        assertThat(HttpCall.of("curl -X \"$M\" https://api.example.net/x")).isEmpty();
    }

    @Test
    void longOptionsOverContinuationLines() {
        HttpCall call = call("curl --request POST \\\n  --header \"X-Vault-Token: ${VAULT_TOKEN}\" \\\n"
                + "  --data '{\"ttl\":\"1h\"}' \\\n  https://vault:8200/v1/database/roles/app");
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.url()).isEqualTo("https://vault:8200/v1/database/roles/app");
        assertThat(call.headers()).containsEntry("X-Vault-Token", "${VAULT_TOKEN}");
        assertThat(call.body()).isEqualTo("{\"ttl\":\"1h\"}");
    }

    @Test
    void dataWithoutMethodMeansPostAndJsonSetsTheContentType() {
        assertThat(call("curl -d 'a=1' https://x/api").method()).isEqualTo("POST");
        HttpCall json = call("curl --json '{\"a\":1}' https://x/api");
        assertThat(json.method()).isEqualTo("POST");
        assertThat(json.headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void noDataMeansGetAndClusteredFlagsWithAValueAreSkipped() {
        HttpCall call = call("curl -fsSLo /tmp/agent.tar.gz https://artifacts/agent.tar.gz");
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.url()).isEqualTo("https://artifacts/agent.tar.gz");
        assertThat(call("curl -I https://x/health").method()).as("the rules: -X, else POST with data, else GET").isEqualTo("GET");
        assertThat(call("curl -sI https://x/health").headersOnly()).isTrue();
        assertThat(call("curl --head https://x/health").args()).containsEntry("headers_only", true);
        assertThat(call("curl -s https://x/health").headersOnly()).isFalse();
        assertThat(call("curl -XDELETE https://x/item/1").method()).isEqualTo("DELETE");
    }

    @Test
    void wgetAndRequestLines() {
        assertThat(call("wget -qO- http://localhost:9273/metrics").url()).isEqualTo("http://localhost:9273/metrics");
        assertThat(call("wget --post-data='a=1' https://x/api").method()).isEqualTo("POST");
        HttpCall line = call("POST https://es:9200/_aliases\nContent-Type: application/json\n\n{\"actions\": []}");
        assertThat(line.method()).isEqualTo("POST");
        assertThat(line.headers()).containsEntry("Content-Type", "application/json");
        assertThat(line.body()).isEqualTo("{\"actions\": []}");
        assertThat(call("GET http://es:9200/_tasks?actions=*reindex&detailed").url())
                .isEqualTo("http://es:9200/_tasks?actions=*reindex&detailed");
    }

    @Test
    void pipelinesChainsAndSeveralCommandsAreNotOneCall() {
        assertThat(HttpCall.of("curl -s https://x/a | jq .")).isEmpty();
        assertThat(HttpCall.of("curl -s https://x/a && echo ok")).isEmpty();
        assertThat(HttpCall.of("curl -s https://x/a > out.json")).isEmpty();
        assertThat(HttpCall.of("curl -s https://x/a\ncurl -s https://x/b")).isEmpty();
        assertThat(HttpCall.of("GET https://x/a\nGET https://x/b")).as("two request lines").isEmpty();
        assertThat(HttpCall.of("kubectl get pods")).isEmpty();
    }

    @Test
    void aBodyFromAHereDocumentIsTheCallsBody() {
        HttpCall redrive = call("curl -s -X POST https://orders/api/redrive \\\n  -H \"Content-Type: application/json\" \\\n"
                + "  -d @- <<'EOF'\n{\"older_than\": \"30m\"}\nEOF\n");
        assertThat(redrive.method()).isEqualTo("POST");
        assertThat(redrive.url()).isEqualTo("https://orders/api/redrive");
        assertThat(redrive.body()).isEqualTo("{\"older_than\": \"30m\"}");
        assertThat(HttpCall.of("curl -d @- https://x/a <<EOF\n{}\nEOF\necho done")).as("a script").isEmpty();
        assertThat(HttpCall.of("cat <<EOF > body.json\n{}\nEOF")).isEmpty();
        assertThat(call("curl -X POST https://h/api -H 'X-Tag: a<<b' -d '{\"a\":1}'").method()).as("<< in a header").isEqualTo("POST");
        assertThat(HttpCall.of("curl -s https://h/a\ncat <<EOF\nx\nEOF")).as("<< on a later line").isEmpty();
        assertThat(HttpCall.of("curl https://h/x" + " ".repeat(100_000) + "-d @- <<EOF | jq .\n{}\nEOF")).as("at once").isEmpty();
    }

    @Test
    void aRequestLineWithoutTheHostKeepsItsPathAsTheUrl() {
        HttpCall devTools = call("PUT _cluster/settings\n{ \"persistent\": { \"cluster.routing.allocation.enable\": \"primaries\" } }");
        assertThat(devTools.method()).isEqualTo("PUT");
        assertThat(devTools.url()).isEqualTo("_cluster/settings");
        assertThat(devTools.body()).isEqualTo("{ \"persistent\": { \"cluster.routing.allocation.enable\": \"primaries\" } }");
        assertThat(call("GET /stock/{sku}").url()).isEqualTo("/stock/{sku}");
        assertThat(call("GET restored-orders/_count").url()).isEqualTo("restored-orders/_count");
        assertThat(call("PUT orders-v8\n{\"settings\": {}}").url()).as("an index").isEqualTo("orders-v8");
        assertThat(call("# temporary, revert after the incident\nPUT _cluster/settings\n{}").url()).isEqualTo("_cluster/settings");
    }

    @Test
    void aCommandSubstitutionStaysInItsWord() {
        assertThat(call("curl -s -o /tmp/clusters-$(hostname -s).json \"http://127.0.0.1:9901/clusters?format=json\"").output())
                .isEqualTo("/tmp/clusters-$(hostname -s).json");
        assertThat(HttpCall.of("curl -s https://x/a $(cat list")).as("no bracket closes it").isEmpty();
    }

    @Test
    void windowsRunbooksNameTheBinariesCurlExeAndWgetExe() {
        assertThat(call("curl.exe -s http://localhost/orders/health"))
                .extracting(HttpCall::method, HttpCall::url).containsExactly("GET", "http://localhost/orders/health");
        assertThat(call("wget.exe --post-data a=1 https://x/api").method()).isEqualTo("POST");
    }

    @Test
    void curlGetSendsItsDataAsTheQueryAndKeepsTheFileOfItsOutput() {
        HttpCall search = call("curl -u admin:${PASS} -G --data-urlencode 'query=up == 0' -d limit=5 https://grafana/api/search");
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.body()).isNull();
        assertThat(search.query()).isEqualTo("query=up == 0&limit=5");
        assertThat(call("curl -fsSLo /tmp/agent.tar.gz https://artifacts/agent.tar.gz").output()).isEqualTo("/tmp/agent.tar.gz");
        assertThat(call("curl -s -o /dev/null -w '%{http_code}' https://x/health").output()).as("thrown away").isNull();
        assertThat(call("wget -q -O defs.json --user admin --password ${PASS} https://mq/api/definitions"))
                .extracting(HttpCall::output, HttpCall::user).containsExactly("defs.json", "admin:${PASS}");
    }

    @Test
    void aCommandLineWithTwoUrlsIsTwoCallsNotOne() {
        assertThat(HttpCall.of("curl -s -o /dev/null -w '%{http_code}\\n' http://a:9100/metrics http://a:9100/-/healthy"))
                .isEmpty();
        assertThat(HttpCall.of("curl --url https://x/a https://x/b")).isEmpty();
        assertThat(HttpCall.of("wget -q https://x/a.tar.gz https://x/a.tar.gz.sha256")).isEmpty();
        assertThat(call("curl -s --url https://x/a").url()).isEqualTo("https://x/a");
        // the value of an option the parser does not know is no second URL
        assertThat(call("curl https://api.example/health --proxy-header \"X-A: b\"").url()).isEqualTo("https://api.example/health");
    }

    @Test
    void argsKeepUrlMethodThenHeadersAndBody() {
        assertThat(call("curl -X POST -H 'A: b' -d x https://h/p").args().keySet())
                .containsExactly("url", "method", "headers", "body");
        assertThat(call("curl https://h/p").args().keySet()).containsExactly("url", "method");
    }

    @Test
    void anUploadedFileIsTheBodyAsCurlWritesItAndCommentLinesBeforeTheCallAreNoCommand() {
        HttpCall upload = call("curl -u deployer:${ART_TOKEN} -T dashboards.zip \"https://repo.example.net/dash/1.zip\"");
        HttpCall wget = call("wget --method=PUT --body-file=config.json https://lb.example.net/api/config");
        HttpCall commented = call("# the edge must answer before you continue\n\ncurl -sf https://edge.example.net/status");

        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.body()).isEqualTo("@dashboards.zip");
        assertThat(wget.body()).isEqualTo("@config.json");
        assertThat(commented.url()).isEqualTo("https://edge.example.net/status");
        assertThat(HttpCall.of("# only a comment")).isEmpty();
    }
}
