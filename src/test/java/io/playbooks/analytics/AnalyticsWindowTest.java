package io.playbooks.analytics;

import io.playbooks.api.ApiException;
import io.playbooks.storage.TimeBucket;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyticsWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    @Test
    void withoutParametersItIsTheLastThirtyDaysByDayWithTenMostUsed() {
        AnalyticsWindow window = AnalyticsWindow.of(null, "", null, null, " ", NOW);

        assertThat(window).isEqualTo(new AnalyticsWindow(Instant.parse("2026-10-21T10:15:00Z"), NOW, TimeBucket.DAY, 10, null));
        assertThat(window.bucketStarts()).hasSize(31).first().hasToString("2026-10-21T00:00:00Z");
        assertThat(window.days()).hasSize(31).last().isEqualTo(LocalDate.parse("2026-11-20"));
    }

    @Test
    void aDateFromIsItsStartAndADateToIncludesThatDay() {
        AnalyticsWindow window = AnalyticsWindow.of("2026-11-01", "2026-11-02", "HOUR", "25", "OPS", NOW);

        assertThat(window.from()).hasToString("2026-11-01T00:00:00Z");
        assertThat(window.to()).hasToString("2026-11-03T00:00:00Z");
        assertThat(window.bucketStarts()).hasSize(48);
        assertThat(window.days()).containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
        assertThat(window.limit()).isEqualTo(25);
        assertThat(window.spaceKey()).isEqualTo("OPS");
    }

    @Test
    void weeksStartOnMonday() {
        AnalyticsWindow window = AnalyticsWindow.of("2026-11-19T12:00:00Z", "2026-11-24", "week", null, null, NOW);

        assertThat(window.bucketStarts()).extracting(Object::toString)
                .containsExactly("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z");
    }

    @Test
    void badValuesAreBadRequestsNamingTheParameter() {
        assertBad(() -> AnalyticsWindow.of("2026-13-01", null, null, null, null, NOW), "'from' is '2026-13-01'");
        assertBad(() -> AnalyticsWindow.of(null, "soon", null, null, null, NOW), "'to' is 'soon'");
        assertBad(() -> AnalyticsWindow.of(null, null, "minute", null, null, NOW), "[hour, day, week]");
        assertBad(() -> AnalyticsWindow.of(null, null, null, "101", null, NOW), "from 1 to 100");
        assertBad(() -> AnalyticsWindow.of("2026-11-20T10:15:00Z", null, null, null, null, NOW), "must be before");
        assertBad(() -> AnalyticsWindow.of("2026-01-01", null, "hour", null, null, NOW), "use a wider bucket");
        assertBad(() -> AnalyticsWindow.of(null, null, null, null, "OPS;DROP", NOW), "'space_key' is 'OPS;DROP'");
    }

    private static void assertBad(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }
}
