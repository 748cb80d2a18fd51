package org.entraide.itests.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials, for the instance administrator's endpoints. */
public final class ApiClientAuth {
    private ApiClientAuth() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
