package org.chatons.entraide.broker.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.chatonsinfos.ChatonsInfos;
import org.chatons.entraide.broker.chatonsinfos.DeclaredView;
import org.chatons.entraide.broker.chatonsinfos.Refusal;

/**
 * How reading the federation's ChatonsInfos files goes, at scrape time: whether the last refresh could read the
 * federation file, when one last could, and what the view in force holds. Nothing when no federation is configured.
 * Labels are fixed sets (reasons, file states), never a value from a file.
 */
@Context
public final class ChatonsInfosCollector implements MultiCollector {

    private final ChatonsInfos chatonsInfos;

    public ChatonsInfosCollector(ChatonsInfos chatonsInfos, PrometheusMeterRegistry prometheus) {
        this.chatonsInfos = chatonsInfos;
        prometheus.getPrometheusRegistry().register(this);
    }

    @Override
    public MetricSnapshots collect() {
        ChatonsInfos.Status status = chatonsInfos.status();
        if (!status.enabled()) {
            return new MetricSnapshots(List.of());
        }
        DeclaredView view = chatonsInfos.view();
        List<MetricSnapshot> gauges = new ArrayList<>();
        gauges.add(gauge("entraide_chatonsinfos_federation_readable",
                "1 when the last refresh could read the federation file, 0 when the last good view stays in force",
                status.lastAttempt() == null || status.readable() ? 1 : 0));
        gauges.add(gauge("entraide_chatonsinfos_last_read_timestamp_seconds",
                "When the federation file was last read (epoch seconds; 0 never)",
                status.lastSuccess() == null ? 0 : status.lastSuccess().toEpochMilli() / 1000.0));
        gauges.add(gauge("entraide_chatonsinfos_members", "Organizations in force in the view", view.members().size()));
        gauges.add(gauge("entraide_chatonsinfos_hosts", "Services the view offers (eligible once probed UP)",
                view.hosts().size()));
        gauges.add(gauge("entraide_chatonsinfos_requests", "Requests the last good refresh made", view.requests()));
        GaugeSnapshot.Builder files = GaugeSnapshot.builder().name("entraide_chatonsinfos_files")
                .help("Files of the last good refresh, by state: read, last_good_copy (unreadable, an older copy used)"
                        + " or unreadable (left out)");
        files.dataPoint(point(Labels.of("state", "read"), view.files() - view.unreadable()));
        files.dataPoint(point(Labels.of("state", "last_good_copy"), view.lastGoodCopies()));
        files.dataPoint(point(Labels.of("state", "unreadable"), view.unreadable() - view.lastGoodCopies()));
        gauges.add(files.build());
        Map<Refusal.Reason, Integer> reasons = new EnumMap<>(Refusal.Reason.class);
        view.refusals().forEach(r -> reasons.merge(r.reason(), 1, Integer::sum));
        GaugeSnapshot.Builder refusals = GaugeSnapshot.builder().name("entraide_chatonsinfos_refusals")
                .help("Organizations and services of the view not offered, by reason");
        for (Refusal.Reason reason : Refusal.Reason.values()) {
            refusals.dataPoint(point(Labels.of("reason", reason.label()), reasons.getOrDefault(reason, 0)));
        }
        gauges.add(refusals.build());
        return new MetricSnapshots(gauges);
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help).dataPoint(point(Labels.EMPTY, value)).build();
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
