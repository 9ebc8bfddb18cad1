package io.playbooks.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.learning.ExecutionReport;
import io.playbooks.storage.StoreException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ApiErrorMapperTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRequestBodyThatFailsItsCheckIsABadRequestWithTheCheckMessage() {
        Throwable failure = catchThrowable(() -> json.readValue("{}", BulkImportRequest.class));

        ApiError error = ApiErrorMapper.toError(new CamelExecutionException("route failed", null, failure));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo("bad_request");
        assertThat(error.error()).isEqualTo("space_key is required, e.g. {\"space_key\": \"OPS\"}");
    }

    @Test
    void anExecutionReportWithABadFieldNamesTheField() {
        Throwable failure = catchThrowable(() -> json.readValue("{\"outcome\": \"success\", \"duration_ms\": -5}",
                ExecutionReport.class));

        ApiError error = ApiErrorMapper.toError(failure);

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("duration_ms must be 0 or more milliseconds, not -5");
    }

    @Test
    void aRequestBodyThatDoesNotParseIsABadRequest() {
        Throwable failure = catchThrowable(() -> json.readValue("{\"space_key\": ", BulkImportRequest.class));

        ApiError error = ApiErrorMapper.toError(new CamelExecutionException("route failed", null, failure));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).startsWith("the request body is not valid JSON");
    }

    @Test
    void jsonTheServiceCannotReadFromItsOwnStoreIsAnInternalError() {
        Throwable unreadable = catchThrowable(() -> json.readTree("{\"category\": "));
        Throwable failure = new CamelExecutionException("route failed", null,
                new IllegalStateException("event 7 of the log is not a playbook event", unreadable));

        ApiError error = ApiErrorMapper.toError(failure);

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.error()).isEqualTo("IllegalStateException: event 7 of the log is not a playbook event");
    }

    @Test
    void anIllegalArgumentFromInsideTheServiceIsAnInternalError() {
        ApiError error = ApiErrorMapper.toError(new CamelExecutionException("route failed", null,
                new IllegalArgumentException("cannot save page OPS/1: it has no id or space key")));

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.type()).isEqualTo("internal_error");
        assertThat(error.error()).contains("IllegalArgumentException", "cannot save page OPS/1");
    }

    @Test
    void theDatabaseFailingIsUnavailableWhateverItWraps() {
        ApiError error = ApiErrorMapper.toError(new StoreException("cannot store page OPS/1",
                new IllegalArgumentException("bad row")));

        assertThat(error.status()).isEqualTo(503);
        assertThat(error.type()).isEqualTo("database_unavailable");
    }

    @Test
    void aMessageQuotingAHugeInputIsCutSayingHowMuchWasLeftOut() {
        ApiError error = ApiErrorMapper.toError(new ApiException(404, "no playbook with id or slug '" + "a".repeat(100_000) + "'"));

        assertThat(error.error()).hasSizeLessThan(1100).endsWith("(99030 more characters)");
        assertThat(new ApiError("short", 400, "bad_request").error()).isEqualTo("short");
    }
}
