package org.chatons.entraide.bench.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.rooms.RoomHost;
import org.chatons.entraide.broker.rooms.RoomName;
import org.chatons.entraide.broker.rooms.RoomPlacement;

/**
 * Meetings over group links, in virtual time (one tick a second): groups of 2 to 30 people follow their link over an
 * hour while the hosts' other users come and go; each person goes where the broker's {@link RoomPlacement} sends the
 * group's name, over the hosts that may take rooms by their last report (every 30 s, each host at its own phase).
 * One host turns full at 20 min, goes down at 40 min and comes back at 50 min; one joins at 30 min; one restarts
 * in a loop from 10 min (down a minute every 4 minutes, four times). A group is split when its people end on more
 * than one host; each split is put down to what moved the room first: its host down, its host full by its report,
 * or another host taking the name back (a newcomer, a host back up, or a host that had been full).
 *
 * @param roomsBound the reported load from which a host takes no more rooms: {@code full-at} (0.85), or its
 *                   capacity (1.0) so that a host full for {@code /go} keeps its rooms until it is really full
 * @param warmUp     how long a host that joins or comes back must have been up before it takes rooms (the broker's
 *                   {@code WarmUp}: 10 reporting intervals); 0 for none
 */
public record Groups(double roomsBound, int warmUp) {

    private static final int REPORT_SECONDS = 30;
    private static final int HOUR = 3600;
    private static final int END = 2 * HOUR;

    /** What one run measured. */
    public record Result(int groups, int split, int splitDown, int splitFull, int splitTakenBack,
                         double hostTimeOverCapacity, int people) {
    }

    private static final class Host {
        final RoomHost room;
        final int phase;
        double background;
        int participants;
        boolean up = true;
        boolean joined;
        boolean candidate;
        boolean warm = true;
        int upSince = Integer.MIN_VALUE / 2;

        Host(RoomHost room, int phase, double background, boolean joined) {
            this.room = room;
            this.phase = phase;
            this.background = background;
            this.joined = joined;
        }

        double load() {
            return (Math.round(background * room.capacity()) + participants) / (double) room.capacity();
        }
    }

    private record Person(int group, int arrives) {
    }

    /** One run over these hosts (the newcomer is added at 30 min) with {@code groups} groups over the hour. */
    public Result run(List<RoomHost> roomHosts, int groups, long seed) {
        Random random = new Random(seed);
        List<Host> hosts = new ArrayList<>();
        for (RoomHost h : roomHosts) {
            hosts.add(new Host(h, random.nextInt(REPORT_SECONDS), 0.2 + 0.35 * random.nextDouble(), true));
        }
        List<RoomHost> bySize = new ArrayList<>(roomHosts);
        bySize.sort((a, b) -> Integer.compare(a.capacity(), b.capacity()));
        RoomHost median = bySize.get(bySize.size() / 2);
        Host turning = hosts.get(roomHosts.indexOf(median));
        Host newcomer = new Host(new RoomHost(new HostKey("newcomer", "visio-1"), median.capacity(), "FR", false),
                random.nextInt(REPORT_SECONDS), 0.2, false);
        hosts.add(newcomer);
        Host flapping = hosts.get(roomHosts.indexOf(bySize.get(bySize.size() * 3 / 4)));

        int[] ends = new int[groups];
        List<Person> people = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int start = random.nextInt(HOUR);
            ends[g] = start + 60 * (15 + random.nextInt(46));
            int size = 2 + random.nextInt(29);
            for (int p = 0; p < size; p++) {
                int late = (int) Math.min(600, -60 * Math.log(1 - random.nextDouble()));
                people.add(new Person(g, Math.min(start + late, ends[g] - 1)));
            }
        }
        people.sort((a, b) -> Integer.compare(a.arrives(), b.arrives()));

        Host[] first = new Host[groups];
        String[] cause = new String[groups];
        Map<Integer, List<Host>> where = new HashMap<>();
        long over = 0;
        long hostSeconds = 0;
        int next = 0;
        for (int t = 0; t < END; t++) {
            if (t == 20 * 60) {
                turning.background = 0.95;
            }
            if (t == 40 * 60) {
                turning.up = false;
            }
            if (t == 50 * 60) {
                comesUp(turning, t);
                turning.background = 0.3;
            }
            if (t == 30 * 60) {
                newcomer.joined = true;
                newcomer.upSince = t;
            }
            if (t >= 10 * 60 && t < 26 * 60 && (t - 10 * 60) % 240 == 0) {
                goesDown(flapping);
            } else if (!flapping.up && t < 27 * 60 && (t - 10 * 60) % 240 == 60) {
                comesUp(flapping, t);
            }
            for (int i = 0; i < hosts.size(); i++) {
                Host h = hosts.get(i);
                if (t % 60 == 0 && h != turning) {
                    // The hosts' other users come and go: a random walk of their load, a minute at a time.
                    h.background = Math.min(0.75, Math.max(0.05, h.background + 0.02 * random.nextGaussian()));
                }
                if ((t + h.phase) % REPORT_SECONDS == 0) {
                    h.candidate = h.joined && h.up && h.load() < roomsBound;
                    h.warm = t - h.upSince >= warmUp;
                }
                if (h.joined && h.up) {
                    hostSeconds++;
                    over += h.load() > 1 ? 1 : 0;
                }
            }
            for (; next < people.size() && people.get(next).arrives() == t; next++) {
                int g = people.get(next).group();
                List<RoomHost> candidates = hosts.stream().filter(h -> h.candidate).map(h -> new RoomHost(h.room.key(),
                        h.room.capacity(), h.room.country(), false, !h.warm)).toList();
                var placed = new RoomPlacement(candidates).place(new RoomName("group-" + seed + "-" + g), null);
                if (placed.isEmpty()) {
                    continue;
                }
                Host to = hosts.stream().filter(h -> h.room.key().equals(placed.get().key())).findFirst().orElseThrow();
                if (first[g] == null) {
                    first[g] = to;
                } else if (to != first[g] && cause[g] == null) {
                    cause[g] = !first[g].up ? "down" : !first[g].candidate ? "full" : "taken back";
                }
                to.participants++;
                where.computeIfAbsent(g, k -> new ArrayList<>()).add(to);
            }
            // Meetings end: everyone leaves; a host that went down lost its people at once.
            for (Map.Entry<Integer, List<Host>> e : where.entrySet()) {
                if (ends[e.getKey()] == t) {
                    e.getValue().stream().filter(h -> h.up && h.participants > 0).forEach(h -> h.participants--);
                }
            }
            if (t == 40 * 60) {
                goesDown(turning);
            }
        }
        int split = (int) Arrays.stream(cause).filter(c -> c != null).count();
        return new Result(groups, split, count(cause, "down"), count(cause, "full"), count(cause, "taken back"),
                (double) over / hostSeconds, people.size());
    }

    private static void goesDown(Host h) {
        h.up = false;
        h.participants = 0;
    }

    /** Up again: its agent's report says so from its next measurement, since now. */
    private static void comesUp(Host h, int t) {
        h.up = true;
        h.upSince = t;
    }

    private static int count(String[] causes, String cause) {
        return (int) Arrays.stream(causes).filter(cause::equals).count();
    }
}
