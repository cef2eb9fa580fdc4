package org.chatons.entraide.broker.counting;

/** What a request for a user's redirect is, as far as counting it goes. */
public enum Visit {
    /** A person following a link: sent, and counted as a user on the way. */
    COUNTED("counted"),
    /** From a network that spent its budget ({@link NetworkBudget}): sent, not counted. */
    OVER_BUDGET("network"),
    /** {@code HEAD}: a link checker or a preview; answered as a redirect would be, no one is sent. */
    HEAD("head"),
    /** A browser's prefetch ({@code Sec-Purpose} or {@code Purpose: prefetch}): refused, no one is sent. */
    PREFETCH("prefetch"),
    /**
     * A page's own request for {@code /go}, not a person's: an image, a script's fetch, a frame (the browser says so
     * in {@code Sec-Fetch-Dest} and {@code Sec-Fetch-Mode}, which pages cannot set). Answered as a redirect would be,
     * no one is sent: a popular page embedding {@code /go/pad} would otherwise count each of its visitors.
     */
    EMBEDDED("embedded"),
    /**
     * A robot that says what it is in its {@code User-Agent}: a fediverse server fetching a link preview, a chat
     * app's preview, a search engine, a script. Answered as a redirect would be, no one is sent: a post linking to
     * {@code /go/pad} makes every server that shows it fetch the link.
     */
    ROBOT("robot");

    private final String label;

    Visit(String label) {
        this.label = label;
    }

    /** Whether the redirect reserves a user on the host. */
    public boolean counts() {
        return this == COUNTED;
    }

    /** Whether a person is sent to a host (counted or not). */
    public boolean sendsSomeone() {
        return this == COUNTED || this == OVER_BUDGET;
    }

    /** The {@code reason} label of the metrics. */
    public String label() {
        return label;
    }
}
