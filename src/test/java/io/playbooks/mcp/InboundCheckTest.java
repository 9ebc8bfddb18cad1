package io.playbooks.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages refused before the SDK sees them, each with the JSON-RPC error that says why. */
class InboundCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":\"get_playbook\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"x\",\"arguments\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"})
    void aWellFormedMessageIsLeftToTheSdk(String message) {
        assertThat(InboundCheck.check(message)).isEmpty();
    }

    @Test
    void textThatIsNoJsonIsAParseErrorWithoutId() {
        InboundCheck.Refusal refusal = InboundCheck.check("{\"jsonrpc\":\"2.0\",\"id\":1,").orElseThrow();

        assertThat(refusal.code()).isEqualTo(McpSchema.ErrorCodes.PARSE_ERROR);
        assertThat(refusal.message()).startsWith("the message is not JSON");
        assertThat(refusal.toJson()).contains("\"id\":null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "{\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}", ""})
    void jsonThatIsNoJsonRpcMessageIsAnInvalidRequest(String message) {
        assertThat(InboundCheck.check(message)).hasValueSatisfying(
                refusal -> assertThat(refusal.code()).isEqualTo(McpSchema.ErrorCodes.INVALID_REQUEST));
    }

    @Test
    void anObjectAsIdIsNotEchoedBack() {
        InboundCheck.Refusal refusal = InboundCheck.check("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}").orElseThrow();

        assertThat(refusal.answersARequest()).isFalse();
        assertThat(refusal.message()).contains("string or an integer");
    }

    @Test
    void aToolCallWithoutParamsIsInvalidParamsAnsweringItsId() {
        InboundCheck.Refusal refusal = InboundCheck.check("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\"}").orElseThrow();

        assertThat(refusal.code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
        assertThat(refusal.message()).contains("needs params");
        assertThat(refusal.toJson()).contains("\"id\":5");
    }

    @Test
    void aToolCallWithoutANameOrWithArgumentsThatAreNoObjectSaysWhich() {
        String noName = "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}";
        String textArguments = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_playbook\",\"arguments\":\"x\"}}";

        assertThat(InboundCheck.check(noName).orElseThrow().message()).contains("params.name");
        assertThat(InboundCheck.check(textArguments).orElseThrow().message()).isEqualTo(
                "the arguments of tools/call must be an object, not string");
    }
}
