package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;

/** The {@code notify:} block as written: the update cadence, the named channels and the status page. */
final class NotifySpec {
    @JsonProperty("update_every")
    Located<String> updateEvery;
    @JsonProperty("channels")
    LinkedHashMap<String, ChannelSpec> channels;
    @JsonProperty("status_page")
    StatusPageSpec statusPage;

    /** One channel as written; which fields a channel may give depends on its type ({@link NotifyRules}). */
    static final class ChannelSpec {
        @JsonProperty("type")
        ChannelKind type;
        @JsonProperty("url_env")
        String urlEnv;
        @JsonProperty("method")
        String method;
        @JsonProperty("headers")
        LinkedHashMap<String, String> headers;
        @JsonProperty("secret_headers")
        LinkedHashMap<String, String> secretHeaders;
        @JsonProperty("body")
        String body;
        @JsonProperty("host")
        String host;
        @JsonProperty("port")
        Integer port;
        @JsonProperty("security")
        String security;
        @JsonProperty("from")
        String from;
        @JsonProperty("to")
        List<String> to;
        @JsonProperty("user_env")
        String userEnv;
        @JsonProperty("password_env")
        String passwordEnv;
        @JsonProperty("ca_file")
        String caFile;
    }

    /** The status page as written. */
    static final class StatusPageSpec {
        @JsonProperty("api")
        String api;
        @JsonProperty("page_id")
        String pageId;
        @JsonProperty("token_env")
        String tokenEnv;
        @JsonProperty("components")
        LinkedHashMap<String, String> components;
    }
}
