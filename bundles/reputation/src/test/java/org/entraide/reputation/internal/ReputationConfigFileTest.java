package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The shipped etc/org.entraide.reputation.cfg lists every key of the configuration, with its default. */
class ReputationConfigFileTest {
    static final Path CFG = Path.of("../../config/org.entraide.reputation.cfg");

    @Test
    void everyKeyIsShippedWithItsDefault() throws Exception {
        Properties shipped = new Properties();
        try (Reader r = Files.newBufferedReader(CFG)) {
            shipped.load(r);
        }
        Map<String, String> expected = new TreeMap<>();
        for (Method m : ReputationConfig.class.getDeclaredMethods()) {
            // the metatype naming rule: an underscore in the method name is a dot in the key
            expected.put(m.getName().replace('_', '.'), String.valueOf(m.getDefaultValue()));
        }
        Map<String, String> actual = new TreeMap<>();
        shipped.stringPropertyNames().forEach(k -> actual.put(k, shipped.getProperty(k).trim()));
        assertEquals(expected, actual, CFG + " must list every key of ReputationConfig with its default");
    }

    @Test
    void anInvalidValueNamesItsKey() {
        ReputationConfig defaults = ReputationSettings.defaultConfig();
        ReputationConfig broken = (ReputationConfig) java.lang.reflect.Proxy.newProxyInstance(
            ReputationConfig.class.getClassLoader(), new Class<?>[] {ReputationConfig.class},
            (proxy, method, args) -> "privilege_vote_down".equals(method.getName()) ? 0 : method.invoke(defaults));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReputationSettings.of(broken));
        assertTrue(e.getMessage().startsWith("privilege.vote.down"), e.getMessage());
    }
}
