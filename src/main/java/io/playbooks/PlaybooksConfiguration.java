package io.playbooks;

import io.playbooks.api.ApiErrorMapper;
import io.playbooks.api.ApiHeaderFilter;
import io.playbooks.conversion.PageConverter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Binds the domain beans that the routes of {@code routes/} call by name. */
public class PlaybooksConfiguration implements CamelConfiguration {

    @BindToRegistry("pageConverter")
    public PageConverter pageConverter() {
        return new PageConverter();
    }

    @BindToRegistry("apiErrorMapper")
    public ApiErrorMapper apiErrorMapper() {
        return new ApiErrorMapper(new ObjectMapper());
    }

    @BindToRegistry("apiHeaderFilter")
    public ApiHeaderFilter apiHeaderFilter() {
        return new ApiHeaderFilter();
    }
}
