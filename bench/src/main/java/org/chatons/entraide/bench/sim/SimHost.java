package org.chatons.entraide.bench.sim;

import java.time.LocalDate;
import java.util.List;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostKey;

/** A simulated host: the truth the brokers only see through reports. */
final class SimHost {

    private static final LocalDate CONFIRMED_UNTIL = LocalDate.of(2099, 12, 31);

    final int index;
    final int capacity;
    final Member member;
    final HostKey key;
    boolean alive = true;
    int present;
    int joining;
    long lastReport = -1;
    int sentSinceReport;
    long globalSentAtReport;

    SimHost(int index, int capacity) {
        this(index, capacity, "FR", "fr");
    }

    /** A host whose member is in that country and speaks that language. */
    SimHost(int index, int capacity, String country, String language) {
        this.index = index;
        this.capacity = capacity;
        String id = String.format("m%03d", index);
        this.member = new Member(id, "Member " + index, "0".repeat(64), List.of(id + ".example.org"),
                CONFIRMED_UNTIL, country, List.of(language));
        this.key = new HostKey(id, "pad");
    }

    double utilisation() {
        return (double) present / capacity;
    }
}
