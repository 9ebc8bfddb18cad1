#!/usr/bin/env bash
# Drives the built jar with MCP clients nobody here wrote, against a WireMock Confluence (FakeConfluence run as its
# own process from the test classes):
#   (a) the MCP Inspector CLI over stdio:   java -jar target/confluence-playbooks.jar mcp
#   (b) the official TypeScript SDK client over Streamable HTTP at /mcp with the bearer token
# Needs the Maven build first (target/confluence-playbooks.jar, target/lib, target/test-classes), node and npm.
# Env: MCP_CI_PORT (default 18300) for the HTTP service.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLIENTS="$ROOT/src/test/mcp-clients"
JAR="$ROOT/target/confluence-playbooks.jar"
PORT="${MCP_CI_PORT:-18300}"
TOKEN="ci-mcp-token"
WIREMOCK_JAR="$(ls "${HOME}"/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | grep -v sources | tail -1)"
WORK="$(mktemp -d)"
SERVICE_PID=""

cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null || true
  exec 7>&- 2>/dev/null || true   # closing its stdin stops the fake Confluence
  sleep 1
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { echo "build first: $JAR is missing" >&2; exit 1; }
(cd "$CLIENTS" && npm ci --no-audit --no-fund --loglevel=error)

echo "== WireMock Confluence"
mkfifo "$WORK/fake.stdin"
java -cp "$ROOT/target/test-classes:$ROOT/target/classes:$ROOT/target/lib/*:$WIREMOCK_JAR" \
  io.playbooks.confluence.FakeConfluenceServer "$WORK/site.json" < "$WORK/fake.stdin" 2> "$WORK/fake.log" &
exec 7> "$WORK/fake.stdin"
for _ in $(seq 1 120); do [ -f "$WORK/site.json" ] && break; sleep 1; done
[ -f "$WORK/site.json" ] || { cat "$WORK/fake.log" >&2; echo "the fake Confluence did not start" >&2; exit 1; }
SITE_URL="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).base_url)' "$WORK/site.json")"
DEPLOY_PAGE="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).pages["Deploy Application"])' "$WORK/site.json")"
echo "at $SITE_URL; 'Deploy Application' is page $DEPLOY_PAGE"

# the service's working folder: its routes and settings, a config.json that points at the fake site, its own data
mkdir -p "$WORK/run/config" "$WORK/run/offline"
cp -r "$ROOT/routes" "$WORK/run/routes"
cp "$ROOT/config/application.properties" "$WORK/run/config/"
cat > "$WORK/run/config/config.json" <<JSON
{"connectors": {"confluence": {"enabled": true, "url": "$SITE_URL",
  "credentials": {"username": "ops@example.com", "token": "\${CONFLUENCE_API_TOKEN}"},
  "spaces": ["OPS"], "http": {"request_timeout_seconds": 10, "max_attempts": 2}}}}
JSON
export CONFLUENCE_API_TOKEN="cloud-api-token"
export PLAYBOOKS_OFFLINE_DIR="$WORK/run/offline"

echo "== (a) MCP Inspector CLI over stdio"
inspect() {
  # @modelcontextprotocol/inspector@0.15.0 as locked in src/test/mcp-clients (what `npx -y ...@0.15.0` runs)
  (cd "$WORK/run" && "$CLIENTS/node_modules/.bin/mcp-inspector" --cli \
    -e "CONFLUENCE_API_TOKEN=$CONFLUENCE_API_TOKEN" -e "PLAYBOOKS_OFFLINE_DIR=$PLAYBOOKS_OFFLINE_DIR" \
    -e "PLAYBOOKS_DB_URL=jdbc:h2:file:$WORK/run/data/stdio;AUTO_SERVER=FALSE" \
    java -jar "$JAR" mcp "$@")
}
inspect --method tools/list > "$WORK/tools.json"
# every tool of the catalog the jar ships, no more, no less
node -e 'const fs = require("fs"); const t = JSON.parse(fs.readFileSync(process.argv[1])).tools;
  const want = Object.keys(JSON.parse(fs.readFileSync(process.argv[2]))).sort();
  const got = t.map((x) => x.name).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) { console.error("expected tools " + want + ", got " + got); process.exit(1); }
  console.log("ok   tools/list: " + got.join(", "));' "$WORK/tools.json" "$ROOT/src/main/resources/mcp/tools.json"

expect_result() { # $1 what, $2 true|false (isError expected), rest: inspector arguments
  local what="$1" error="$2"; shift 2
  local out
  out="$(inspect --method tools/call "$@")"
  node -e 'const r = JSON.parse(process.argv[1]); const want = process.argv[2] === "true";
    if (Boolean(r.isError) !== want) { console.error("FAIL " + process.argv[3] + ": " + process.argv[1]); process.exit(1); }
    const shown = r.structuredContent ? JSON.stringify(r.structuredContent) : r.content[0].text;
    console.log("ok   " + process.argv[3] + ": " + shown.slice(0, 220));' "$out" "$error" "$what"
}
expect_result "get_confluence_status" false --tool-name get_confluence_status
expect_result "import_confluence_playbook page_id=$DEPLOY_PAGE" false \
  --tool-name import_confluence_playbook --tool-arg "page_id=$DEPLOY_PAGE"
expect_result "get_playbook page_id=$DEPLOY_PAGE (stored by the previous process)" false \
  --tool-name get_playbook --tool-arg "page_id=$DEPLOY_PAGE"
expect_result "preview_confluence_playbook without page_id" true --tool-name preview_confluence_playbook
# An unknown tool, as plain JSON-RPC over stdio: against this service the Inspector CLI 0.15.0 prints nothing and
# exits 0 when a call fails (its disconnect does not wait for the server to stop), so this check speaks JSON-RPC itself
# and closes stdin only once the answer is in.
out="$(cd "$WORK/run" && PLAYBOOKS_DB_URL="jdbc:h2:file:$WORK/run/data/unknown;AUTO_SERVER=FALSE" node -e '
  const server = require("child_process").spawn("java", ["-jar", process.argv[1], "mcp"], { stdio: ["pipe", "pipe", "ignore"] });
  const send = (m) => server.stdin.write(JSON.stringify(m) + "\n");
  send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "ci", version: "1" } } });
  send({ jsonrpc: "2.0", method: "notifications/initialized" });
  send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "no_such_tool", arguments: {} } });
  let seen = "";
  const timer = setTimeout(() => { console.log(seen); server.kill(); }, 120000);
  server.stdout.on("data", (chunk) => {
    seen += chunk;
    const answer = seen.split("\n").find((line) => line.includes("\"id\":2"));
    if (answer) { console.log(answer); clearTimeout(timer); server.stdin.end(); }
  });' "$JAR")"
if ! echo "$out" | grep -q '"id":2,"error":{[^}]*"message":"Unknown tool'; then
  echo "FAIL unknown tool not refused with a JSON-RPC error: $out" >&2; exit 1
fi
echo "ok   unknown tool refused: $(echo "$out" | grep -o 'Unknown tool[^"]*' | head -1)"

echo "== (b) TypeScript SDK client over Streamable HTTP"
(cd "$WORK/run" && PLAYBOOKS_HTTP_PORT="$PORT" PLAYBOOKS_API_TOKEN="$TOKEN" \
  PLAYBOOKS_DB_URL="jdbc:h2:file:$WORK/run/data/http;AUTO_SERVER=FALSE" \
  exec java -jar "$JAR" > "$WORK/service.log" 2>&1) &
SERVICE_PID=$!
for _ in $(seq 1 180); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/confluence/status" || true)"
  [ "$code" = "200" ] && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$WORK/service.log" >&2; echo "the service died" >&2; exit 1; }
  sleep 1
done
[ "$code" = "200" ] || { tail -40 "$WORK/service.log" >&2; echo "the service did not start on port $PORT" >&2; exit 1; }
(cd "$CLIENTS" && node http-client.mjs "http://127.0.0.1:$PORT" "$TOKEN" "$WORK/site.json")
echo "== MCP clients: all checks passed"
