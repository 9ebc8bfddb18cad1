package io.playbooks;

import io.playbooks.conversion.PageConverter;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Binds the domain beans that the routes of {@code routes/} call by name. */
public class PlaybooksConfiguration implements CamelConfiguration {

    @BindToRegistry("pageConverter")
    public PageConverter pageConverter() {
        return new PageConverter();
    }
}
