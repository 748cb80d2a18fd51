package org.entraide.core.internal.camel;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;

/**
 * The {@code Allow} value of a 405 answer: the methods of the REST endpoints whose URI template matches the
 * path, from the context's REST registry, so that it stays true as plugins add and remove endpoints. Outside
 * the API, the web pages read and post forms.
 */
final class AllowedMethods implements Function<String, String> {
    private final CamelContext camel;

    AllowedMethods(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public String apply(String path) {
        if (path == null || !path.startsWith("/api/")) {
            return "GET, HEAD, POST";
        }
        Set<String> methods = new TreeSet<>();
        RestRegistry registry = camel.getRestRegistry();
        if (registry != null) {
            for (RestRegistry.RestService service : registry.listAllRestServices()) {
                if (service.getMethod() != null && matches(template(service), path)) {
                    methods.add(service.getMethod().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.remove("TRACE");
        return String.join(", ", methods);
    }

    private static String template(RestRegistry.RestService service) {
        String base = service.getBasePath() == null ? "" : service.getBasePath();
        String uri = service.getUriTemplate() == null ? "" : service.getUriTemplate();
        return (base + "/" + uri).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    static boolean matches(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.replaceAll("(.)/$", "$1").split("/");
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!(t[i].startsWith("{") && t[i].endsWith("}") && !p[i].isEmpty()) && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }
}
