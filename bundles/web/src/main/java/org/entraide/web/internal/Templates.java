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
        cfg.setOutputFormat(freemarker.core.HTMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    String render(String name, Locale locale, Map<String, Object> model) {
        ResourceBundle texts = ResourceBundle.getBundle("org.entraide.web.messages", locale,
            Templates.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        var all = new java.util.HashMap<String, Object>(model);
        all.put("t", texts);
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
