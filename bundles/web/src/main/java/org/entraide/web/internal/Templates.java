package org.entraide.web.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/** FreeMarker templates of the bundle, HTML auto-escaped; texts from the {@code messages} resource bundles. */
final class Templates {
    private final Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);

    Templates() {
        cfg.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "org/entraide/web/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setOutputFormat(freemarker.core.HTMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    Page page(int status, String name, Locale locale, Map<String, Object> model) {
        return new Page(status, render(name, locale, model));
    }

    /** One message in the reader's language, for what is no page (a feed's title). */
    String text(Locale locale, String key) {
        return texts(locale).getString(key);
    }

    private static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("org.entraide.web.messages", locale,
            Templates.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String render(String name, Locale locale, Map<String, Object> model) {
        ResourceBundle texts = texts(locale);
        var all = new java.util.HashMap<String, Object>(model);
        if (model.get("errors") instanceof Map<?, ?> errors) {
            // our own checks name a message; the API's field errors are shown as it wrote them
            var shown = new java.util.LinkedHashMap<Object, Object>();
            errors.forEach((field, message) -> shown.put(field,
                message instanceof String key && texts.containsKey(key) ? texts.getString(key) : message));
            all.put("errors", shown);
        }
        all.put("t", texts);
        // text(key, fallback): a message that may not exist (a reason code the API added later)
        all.put("text", (freemarker.template.TemplateMethodModelEx) args -> {
            String key = String.valueOf(args.get(0));
            return texts.containsKey(key) ? texts.getString(key) : String.valueOf(args.get(1));
        });
        all.put("lang", locale.getLanguage());
        try {
            StringWriter out = new StringWriter();
            var template = cfg.getTemplate(name + ".ftlh", locale);
            template.process(all, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + " failed", e);
        }
    }
}
