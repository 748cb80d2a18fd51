package org.entraide.core.internal.privacy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.entraide.api.privacy.PersonalData;

/** The bundles that hold personal data: the core's own first, then the plugins' as they come and go. */
public final class PersonalDataServices {
    private final List<PersonalData> all = new CopyOnWriteArrayList<>();

    public void add(PersonalData p) {
        all.add(p);
    }

    public void remove(PersonalData p) {
        all.remove(p);
    }

    public List<PersonalData> all() {
        return List.copyOf(all);
    }
}
