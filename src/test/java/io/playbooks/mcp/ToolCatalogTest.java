package io.playbooks.mcp;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tools.json and the implemented tools must name the same tools, or the service does not start. */
class ToolCatalogTest {

    private static final ToolCall NOTHING = (arguments, progress) -> Map.of();

    @Test
    void everyDefinedToolHasACallAndEveryCallADefinition() {
        Map<String, ToolCall> calls = new LinkedHashMap<>();
        McpTestClients.ALL_TOOLS.forEach(name -> calls.put(name, NOTHING));

        assertThat(new ToolCatalog(calls, McpServers.resultJson()).specifications()).hasSize(11);

        calls.remove("get_playbook");
        assertThatThrownBy(() -> new ToolCatalog(calls, McpServers.resultJson()))
                .hasMessageContaining("defines tool get_playbook that nothing implements");
        calls.put("get_playbook", NOTHING);
        calls.put("undocumented_tool", NOTHING);
        assertThatThrownBy(() -> new ToolCatalog(calls, McpServers.resultJson()))
                .hasMessageContaining("tools without a definition").hasMessageContaining("undocumented_tool");
    }
}
