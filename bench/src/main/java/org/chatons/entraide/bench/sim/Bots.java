package org.chatons.entraide.bench.sim;

/**
 * Requests for a redirect that never become users: a script, a botnet, link previews. They arrive as a Poisson
 * process at {@code multiple} times the real users' rate, through the same brokers, from {@code start} to the end,
 * and nobody ever joins a host.
 *
 * @param multiple   their rate over the real users' (0: none)
 * @param oneSource  all from one client network (a script) rather than each from its own (a botnet, previews)
 * @param startShare when they start, as a share of the measured time (0: with the measurement; the flash crowd
 *                   comes at a third of it)
 */
public record Bots(double multiple, boolean oneSource, double startShare) {

    public static final Bots NONE = new Bots(0, false, 0);

    public boolean any() {
        return multiple > 0;
    }

    public String label() {
        return !any() ? "no bots" : fmt(multiple) + "x bots from " + (oneSource ? "one network" : "many networks");
    }

    private static String fmt(double m) {
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }
}
