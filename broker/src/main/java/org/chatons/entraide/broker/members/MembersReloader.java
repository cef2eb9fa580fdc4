package org.chatons.entraide.broker.members;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import org.chatons.entraide.broker.config.SchedulingSwitch;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.StartupError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a changed members file into force without a restart: a new member, a renewed confirmation, a rotated
 * token take effect within seconds, and a removed member's hosts leave the choice (see {@link MembersChanged}).
 *
 * <p>The file is read every second and compared with what was last read; a new content is taken once it has read
 * the same twice in a row, so a file caught half written by an editor is not taken for a member list with members
 * missing. {@code SIGHUP} (see {@code Application}) reloads at once. A file with a mistake is refused whole: the
 * previous members stay in force, one line names the file, line and key, and {@link #lastReloadSuccessful()} turns
 * false (the metric {@code entraide_members_file_last_reload_successful}) until a good file is read.
 */
@Singleton
public class MembersReloader {

    private static final Logger LOG = LoggerFactory.getLogger(MembersReloader.class);

    /** What the file held at one look: its text, or why it could not be read. */
    private record Look(String text, String problem) {
    }

    private final Path path;
    private final Members members;
    private final ApplicationEventPublisher<MembersChanged> events;
    /** The last content brought into force or refused. */
    private Look handled;
    /** A new content seen once, waiting to be seen again unchanged; null when there is none. */
    private Look settling;
    private volatile boolean lastReloadSuccessful = true;

    public MembersReloader(BrokerConfig config, Members members, ApplicationEventPublisher<MembersChanged> events) {
        this.path = config.membersFile();
        this.members = members;
        this.events = events;
        this.handled = look();
    }

    /** Takes the file if it changed and has stayed the same since the last look. */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s", condition = SchedulingSwitch.ON)
    public synchronized void checkForChange() {
        Look now = look();
        if (now.equals(handled)) {
            settling = null;
        } else if (now.equals(settling)) {
            apply(now, "changed");
        } else {
            settling = now;
        }
    }

    /** Reads the file and brings it into force now if it has no mistake: on SIGHUP. */
    public synchronized boolean reload() {
        return apply(look(), "asked (SIGHUP)");
    }

    /** False while the last content read had a mistake, the previous members being in force. */
    public boolean lastReloadSuccessful() {
        return lastReloadSuccessful;
    }

    private boolean apply(Look look, String why) {
        handled = look;
        settling = null;
        String problem = look.problem();
        MemberDirectory next = null;
        if (problem == null) {
            try {
                MemberDirectory read = MembersFile.parse(path.toString(), new StringReader(look.text()));
                ExampleGuard.refuseExample(path, read);
                next = read;
            } catch (StartupError e) {
                problem = e.getMessage();
            }
        }
        if (next == null) {
            lastReloadSuccessful = false;
            LOG.error("Members file not reloaded, the previous members stay in force: {}", problem);
            return false;
        }
        MemberDirectory previous = members.current();
        members.replace(next);
        lastReloadSuccessful = true;
        LOG.info("Members file {} reloaded, {}: {} member(s){}", path, why, next.all().size(), changes(previous, next));
        events.publishEvent(new MembersChanged(previous, next));
        return true;
    }

    private Look look() {
        try {
            return new Look(Files.readString(path, StandardCharsets.UTF_8), null);
        } catch (NoSuchFileException e) {
            return new Look(null, "members file " + path.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            return new Look(null, "members file " + path + ": cannot be read: " + e);
        }
    }

    private static String changes(MemberDirectory before, MemberDirectory after) {
        Set<String> added = new TreeSet<>();
        Set<String> changed = new TreeSet<>();
        for (Member m : after.all()) {
            before.byId(m.id()).ifPresentOrElse(old -> {
                if (!old.equals(m)) {
                    changed.add(m.id());
                }
            }, () -> added.add(m.id()));
        }
        Set<String> removed = new TreeSet<>();
        before.all().stream().filter(m -> after.byId(m.id()).isEmpty()).forEach(m -> removed.add(m.id()));
        return (added.isEmpty() ? "" : ", added " + added) + (changed.isEmpty() ? "" : ", changed " + changed)
                + (removed.isEmpty() ? "" : ", removed " + removed);
    }
}
