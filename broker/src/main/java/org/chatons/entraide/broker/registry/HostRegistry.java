package org.chatons.entraide.broker.registry;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.chatons.entraide.broker.counting.CountingRules;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.counting.Sends;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;

/**
 * The live view of every host: soft state rebuilt from reports, lost on restart and rebuilt by the next round
 * (drains excepted: coordinators' decisions, which {@code drains.Drains} keeps). Each member's latest report is its
 * complete list of hosts. Every change bumps the version of the services it touches, so the selection code can
 * cache per service and know when to look again.
 *
 * <p>It says who owns a member's list (its agent's reports, in their order, before its ChatonsInfos declarations)
 * and puts together its parts: the hosts ({@link HostTable}), the members' lists ({@link MemberLists}, whose lock
 * every change of a member's hosts takes), the users sent since each report ({@link SentSince}) and the drains
 * ({@link Drained}).
 */
@Singleton
public final class HostRegistry {

    private final HostTable table = new HostTable();
    private final Drained drained = new Drained();
    private final SentSince sent;
    private final MemberLists lists;

    public HostRegistry(CountingRules counting) {
        this.sent = new SentSince(counting);
        this.lists = new MemberLists(table, sent);
    }

    /**
     * Throws {@link ReplayedReportException} when the report would be refused as a replay; changes nothing.
     *
     * @param arrival the broker's clock when the report arrived (see {@link ReportOrder})
     */
    public void checkNewer(Member member, Instant sentAt, Instant arrival) {
        MemberLists.MemberState state = lists.state(member.id());
        if (state != null && !state.order().admits(sentAt, arrival)) {
            throw new ReplayedReportException(state.order().newest());
        }
    }

    /**
     * Makes a validated report the member's current list of hosts, atomically per member: a pick sees the member's
     * hosts before the report or after it, never without them, and the janitor cannot take out a host the report
     * has just installed. Each host keeps the users sent too late for its report ({@link Sends}), and what the
     * report says of the users sent before it teaches the service's {@link RedirectWeight}.
     *
     * @param receivedAt when the report arrived: no host counts as measured later than that, and an agent whose
     *                   clock was set back is let in by it (see {@link ReportOrder})
     * @throws ReplayedReportException when it is not newer than the last accepted one; nothing changes then
     */
    public void accept(Member member, Report report, Instant receivedAt) {
        List<SentSince.Learned> learned = new ArrayList<>();
        lists.update(member.id(), previous -> {
            ReportOrder order = previous == null ? ReportOrder.NONE : previous.order();
            if (!order.admits(report.sentAt(), receivedAt)) {
                throw new ReplayedReportException(order.newest());
            }
            return lists.replace(member, previous, report.hosts(), report.sentAt(), receivedAt,
                    report.intervalSeconds(), Source.AGENT, order.after(report.sentAt(), receivedAt), learned);
        });
        // Outside the member's lock: learning takes the service's.
        SentSince.learn(learned, receivedAt);
    }

    /**
     * Makes hosts declared in the member's ChatonsInfos files (and probed by the broker) its current list, the way
     * a report does, unless its probe agent reports: an agent's report replaces the declared hosts, and they come
     * back only once the agent's hosts are forgotten ({@code broker.forget-after}). Each host's measuredAt is when
     * the broker probed it.
     *
     * @param receivedAt now: no host counts as measured later than that
     * @return false when the member's agent owns its hosts (nothing changes)
     */
    public boolean acceptDeclared(Member member, List<HostReport> hosts, Instant receivedAt, int intervalSeconds) {
        List<SentSince.Learned> learned = new ArrayList<>();
        boolean[] taken = {false};
        lists.update(member.id(), previous -> {
            if (previous != null && previous.source() == Source.AGENT && !previous.serviceOfHost().isEmpty()) {
                return previous;
            }
            taken[0] = true;
            return lists.replace(member, previous, hosts, receivedAt, receivedAt, intervalSeconds,
                    Source.CHATONSINFOS, previous == null ? ReportOrder.NONE : previous.order(), learned);
        });
        SentSince.learn(learned, receivedAt);
        return taken[0];
    }

    /**
     * Forgets hosts measured before the cutoff: a host back after that long starts afresh, except for its drain, a
     * coordinator's decision that {@code drains.Drains} forgets later. Its member keeps its order of reports, so
     * old reports stay refused. Per member, under the same lock as {@link #accept}, and each host only if it is
     * still the very object found silent: a report accepted meanwhile keeps every host it names.
     */
    public int forgetObservedBefore(Instant cutoff) {
        return lists.forgetObservedBefore(cutoff);
    }

    /**
     * Brings a new members file into force: the hosts of a member no longer in it leave the choice at once, and
     * those of a member whose details changed (a renewed confirmation, a new name or domain) carry the new details
     * at once, keeping the users sent there since their report. Members the previous file did not name are left
     * alone. Each member changes atomically with its reports.
     */
    public void applyMembers(MemberDirectory before, MemberDirectory after) {
        lists.applyMembers(before, after);
    }

    /** How much a redirect to the service counts now: 1 unless its reports show redirects not becoming users. */
    public double redirectWeight(String service) {
        return sent.redirectWeight(service);
    }

    /** The service's weight, for the selection's snapshots: it changes as reports come, the object stays. */
    public RedirectWeight<HostKey> weightOf(String service) {
        return sent.weight(service);
    }

    /** The hosts of one service, in no particular order. */
    public Collection<TrackedHost> hosts(String service) {
        return table.hosts(service);
    }

    public Stream<TrackedHost> all() {
        return table.all();
    }

    public Optional<TrackedHost> find(HostKey key) {
        return Optional.ofNullable(lists.find(key));
    }

    /**
     * Makes exactly these hosts the drained ones, whether or not they have reported yet: coordinators' decisions
     * as {@code drains.Drains} keeps them (restored at start, or taken from another broker), so that a host drained
     * for maintenance is still drained when it comes back. Bumps the versions of the services that change.
     */
    public void replaceDrains(Set<HostKey> keys) {
        drained.replace(keys).forEach(key -> find(key).ifPresent(t -> table.bump(t.host().service())));
    }

    /** The drained hosts, a copy. */
    public Set<HostKey> drained() {
        return drained.all();
    }

    public boolean isDrained(HostKey key) {
        return drained.contains(key);
    }

    /** Changes whenever anything that decides the service's eligibility changes, except the passing of time. */
    public long version(String service) {
        return table.version(service);
    }
}
