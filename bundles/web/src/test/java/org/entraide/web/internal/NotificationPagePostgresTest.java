package org.entraide.web.internal;

class NotificationPagePostgresTest extends NotificationPageScenarios {
    NotificationPagePostgresTest() {
        super(Db.POSTGRES);
    }
}
