package org.entraide.web.internal;

class NotificationPageH2Test extends NotificationPageScenarios {
    NotificationPageH2Test() {
        super(Db.H2);
    }
}
