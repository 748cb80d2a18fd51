package org.entraide.web.internal;

class ChannelPagePostgresTest extends ChannelPageScenarios {
    ChannelPagePostgresTest() {
        super(Db.POSTGRES);
    }
}
