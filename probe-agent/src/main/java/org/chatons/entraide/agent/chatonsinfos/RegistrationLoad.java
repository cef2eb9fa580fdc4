package org.chatons.entraide.agent.chatonsinfos;

import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;

/**
 * What a host's {@code service.registration.load} should say, from what the agent reports of it, with hysteresis:
 * FULL once its load reaches {@code fullAt} or it takes no new users; back to OPEN only once its load is below
 * {@code openBelow} (or, when its software counts no load, once it takes new users again), so a host hovering around
 * its threshold does not flip its public file at every probe. A DOWN host leaves the file as it is: being down is
 * not being full.
 */
public final class RegistrationLoad {

    public static final String OPEN = "OPEN";
    public static final String FULL = "FULL";

    private RegistrationLoad() {
    }

    /**
     * @param current   the value in the file now (any case), or null
     * @param host      what the agent reports of the host
     * @param fullAt    load at which it becomes FULL
     * @param openBelow load under which a FULL host becomes OPEN again
     * @return the value the file should hold
     */
    public static String next(String current, HostReport host, double fullAt, double openBelow) {
        String now = current == null ? "" : current.strip().toUpperCase(java.util.Locale.ROOT);
        if (host.status() == HostStatus.DOWN) {
            return now.equals(FULL) || now.equals(OPEN) ? now : current;
        }
        boolean known = host.loadKnown();
        double load = host.effectiveLoad();
        if (!host.acceptsNewUsers() || known && load >= fullAt) {
            return FULL;
        }
        if (!now.equals(FULL)) {
            return OPEN;
        }
        return !known || load < openBelow ? OPEN : FULL;
    }
}
