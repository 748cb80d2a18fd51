package org.entraide.web.internal;

class ChannelPageH2Test extends ChannelPageScenarios {
    ChannelPageH2Test() {
        super(Db.H2);
    }
}
