package org.entraide.api.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name, payload version and subject of an {@link Event} record. A version is raised whenever the record gains a
 * field; readers of older events get null (or false, 0) for the fields their version did not have, and each record
 * says what that means.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** Such as "post.published"; see {@link EventTypes}. */
    String name();

    int version() default 1;

    /** What the event's subject id points at: {@link EventTypes#SUBJECT_POST} or {@link EventTypes#SUBJECT_USER}. */
    String subject() default EventTypes.SUBJECT_POST;
}
