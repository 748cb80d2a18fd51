package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The bounds on deliveries in flight: per endpoint, and in total on the node. */
class SendSlotsTest {
    @Test
    void aBusyEndpointTakesNoMoreThanItsShareAndLeavesTheRestToOthers() {
        SendSlots slots = new SendSlots(3, 2);
        SendSlots.Plan plan = slots.plan();
        assertTrue(plan.reserve(1));
        assertTrue(plan.reserve(1));
        assertFalse(plan.reserve(1), "endpoint 1 has its two slots");
        assertTrue(plan.reserve(2), "another endpoint still gets one");
        assertFalse(plan.reserve(3), "three in flight in total");
        slots.take(1);
        slots.take(1);
        slots.take(2);
        assertEquals(Set.of(1L), slots.full());
        assertFalse(slots.anyFree());
        slots.give(1);
        assertTrue(slots.anyFree());
        assertEquals(Set.of(), slots.full());
        SendSlots.Plan next = slots.plan();
        assertTrue(next.reserve(1));
        assertFalse(next.reserve(2), "the plan counts what is already in flight");
    }
}
