package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.entraide.itests.support.CommunityScenario;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.entraide.itests.support.PostgresDatabase;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The same journey with the distribution pointed at PostgreSQL by editing one etc/ file. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CommunityScenarioPostgresIT extends EntraideKarafTestSupport {
    @Override
    protected Option[] extraOptions() {
        PostgresDatabase db = PostgresDatabase.create();
        if (db == null) {
            return new Option[] {CoreOptions.systemProperty("entraide.itest.postgres").value("unavailable")};
        }
        String cfg = "etc/org.ops4j.datasource-entraide.cfg";
        return new Option[] {
            editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(cfg, "url", db.url()),
            editConfigurationFilePut(cfg, "user", "postgres"),
            editConfigurationFilePut(cfg, "password", ""),
            CoreOptions.systemProperty("entraide.itest.postgres").value("available")};
    }

    @Test
    public void mainJourneyOnPostgres() {
        Assume.assumeTrue("PostgreSQL unreachable and CI not set: PostgreSQL run skipped",
            "available".equals(System.getProperty("entraide.itest.postgres")));
        new CommunityScenario(api()).run();
        assertEquals("POSTGRESQL", api().get("/api/v1/health", null).json.get("database").asText());
        assertEquals("karaf.log has no ERROR line", java.util.List.of(), logErrors());
    }
}
