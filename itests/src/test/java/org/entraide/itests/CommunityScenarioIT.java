package org.entraide.itests;

import static org.junit.Assert.assertEquals;

import org.entraide.itests.support.CommunityScenario;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The distribution as shipped (embedded H2, demo brand): the main journey over real HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CommunityScenarioIT extends EntraideKarafTestSupport {
    @Test
    public void mainJourneyOnH2() {
        new CommunityScenario(api()).run();
        assertEquals("karaf.log has no ERROR line", java.util.List.of(), logErrors());
    }
}
