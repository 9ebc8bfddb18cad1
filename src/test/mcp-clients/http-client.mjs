// Drives the MCP tools of a running confluence-playbooks over Streamable HTTP with the official TypeScript SDK
// client. Usage: node http-client.mjs <base-url> <bearer-token> <site.json of the fake Confluence>
// Prints one line per check and exits 1 when any check fails.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [baseUrl, token, siteFile] = process.argv.slice(2);
if (!baseUrl || !token || !siteFile) {
  console.error("usage: node http-client.mjs <base-url> <bearer-token> <site.json>");
  process.exit(2);
}
const site = JSON.parse(readFileSync(siteFile, "utf8"));
const deployPage = site.pages["Deploy Application"];
const glossaryPage = site.pages["Platform glossary"];
let failures = 0;

function check(what, condition, detail) {
  console.log(`${condition ? "ok  " : "FAIL"} ${what}${detail === undefined ? "" : ": " + detail}`);
  if (!condition) failures++;
}

async function connect(bearer) {
  const client = new Client({ name: "mcp-clients-ci", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), {
    requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
  });
  await client.connect(transport);
  return client;
}

const client = await connect(token);
try {
  const tools = (await client.listTools()).tools;
  // the catalog the jar ships: every tool of it, each with an output schema
  const catalog = Object.keys(JSON.parse(readFileSync(new URL("../../main/resources/mcp/tools.json", import.meta.url), "utf8")));
  check(`tools/list gives the ${catalog.length} tools of the catalog, each with an output schema`,
    tools.length === catalog.length && catalog.every((name) => tools.some((t) => t.name === name))
      && tools.every((t) => t.outputSchema && t.inputSchema.type === "object"),
    tools.map((t) => t.name).join(", "));

  const status = await client.callTool({ name: "get_confluence_status", arguments: {} });
  check("get_confluence_status: connected to the WireMock Confluence",
    !status.isError && status.structuredContent.connected === true, JSON.stringify(status.structuredContent.spaces_configured));

  const discovered = await client.callTool({ name: "discover_confluence_playbooks", arguments: { space_key: "OPS" } });
  check("discover_confluence_playbooks: candidates with scores",
    !discovered.isError && discovered.structuredContent.discovered_pages > 0,
    `${discovered.structuredContent.discovered_pages} of ${discovered.structuredContent.total_pages} pages`);

  const preview = await client.callTool({ name: "preview_confluence_playbook", arguments: { page_id: deployPage } });
  check("preview_confluence_playbook: steps and YAML",
    !preview.isError && preview.structuredContent.metadata.step_count > 0 && preview.structuredContent.yaml_preview.includes("steps:"),
    `${preview.structuredContent.metadata.step_count} steps`);

  const imported = await client.callTool({ name: "import_confluence_playbook", arguments: { page_id: deployPage, force_update: true } });
  check("import_confluence_playbook: stored", !imported.isError && imported.structuredContent.success === true,
    `${imported.structuredContent.outcome} playbook ${imported.structuredContent.playbook_id} (${imported.structuredContent.slug})`);

  const notPlaybook = await client.callTool({ name: "import_confluence_playbook", arguments: { page_id: glossaryPage } });
  check("import of a page that is no playbook: tool error in words", notPlaybook.isError === true, notPlaybook.content[0].text);

  const progress = [];
  const bulk = await client.callTool({ name: "bulk_import_confluence_space", arguments: { space_key: "OPS" } }, undefined,
    { onprogress: (p) => progress.push(p), timeout: 300000 });
  check("bulk_import_confluence_space: imported the space", !bulk.isError && bulk.structuredContent.failed_imports === 0,
    `${bulk.structuredContent.discovered_pages} playbooks, ${bulk.structuredContent.successful_imports} imported, `
    + `${bulk.structuredContent.skipped_imports} unchanged, ${progress.length} progress notifications`
    + (progress.length ? ` (last: ${progress[progress.length - 1].message})` : ""));

  const found = await client.callTool({ name: "search_playbooks", arguments: { query: "restart storefront", limit: 3 } });
  const best = found.structuredContent.results[0];
  check("search_playbooks: ranked with snippet and reason", !found.isError && best !== undefined,
    best ? `${best.name} (score ${best.score}): ${best.reason}` : "no result");

  const read = await client.callTool({ name: "get_playbook", arguments: { page_id: deployPage } });
  check("get_playbook by page_id: YAML and steps", !read.isError && read.structuredContent.steps.length > 0,
    `version ${read.structuredContent.version}, ${read.structuredContent.steps.length} steps`);

  const listed = await client.callTool({ name: "list_confluence_playbooks", arguments: {} });
  check("list_confluence_playbooks", !listed.isError && listed.structuredContent.total_confluence_playbooks > 0,
    `${listed.structuredContent.total_confluence_playbooks} playbooks`);

  const synced = await client.callTool({ name: "sync_confluence_playbooks", arguments: { max_age_hours: 1 } });
  check("sync_confluence_playbooks", !synced.isError && synced.structuredContent.completed === true,
    `checked ${synced.structuredContent.checked_playbooks}, updated ${synced.structuredContent.updated_playbooks}`);

  const missing = await client.callTool({ name: "preview_confluence_playbook", arguments: {} });
  check("missing page_id: tool error", missing.isError === true, missing.content[0].text);

  const wrongType = await client.callTool({ name: "search_playbooks", arguments: { query: "nginx", limit: "ten" } });
  check("wrong argument type: tool error", wrongType.isError === true, wrongType.content[0].text);

  let unknown;
  try {
    await client.callTool({ name: "drop_all_playbooks", arguments: {} });
  } catch (e) {
    unknown = e;
  }
  check("unknown tool: error naming it", unknown !== undefined && /Unknown tool/.test(unknown.message), unknown?.message);

  const after = await client.callTool({ name: "get_confluence_status", arguments: {} });
  check("the server is still up after the bad calls", !after.isError);
} finally {
  await client.close();
}

let refused;
try {
  await connect("not-the-token");
} catch (e) {
  refused = e;
}
check("a wrong bearer token is refused", refused !== undefined && /401/.test(String(refused)), String(refused).slice(0, 160));

process.exit(failures === 0 ? 0 : 1);
