package org.chatons.entraide.broker.chatonsinfos;

import java.net.URI;
import java.util.Locale;

/**
 * An organization or a service of the federation that the broker does not offer, and why: listed in
 * {@code GET /api/v1/chatonsinfos} and counted by reason in the metrics, so coordinators can tell members.
 *
 * @param member the member's id (its {@code subs.<id>} in the federation file)
 * @param host   the service's id in the organization file, or null for the whole organization
 * @param file   the file at fault, or null
 * @param reason what is wrong, as a code
 * @param detail what is wrong, in words
 */
public record Refusal(String member, String host, URI file, Reason reason, String detail) {

    /** Details quote the files, which anyone may write: kept short. */
    static final int MAX_DETAIL = 300;

    public Refusal {
        member = cut(member, 64);
        host = host == null ? null : cut(host, 64);
        detail = cut(detail == null ? "" : detail, MAX_DETAIL);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** Why a file's organization or service is not offered. */
    public enum Reason {
        /** The file could not be read (and no good copy of it was kept). */
        UNREADABLE,
        /** The subs id cannot be a member or host id ({@code [a-z0-9-]{1,64}}), or is used twice. */
        BAD_ID,
        /** AWAY in the federation, or its membership end date has passed. */
        MEMBERSHIP_ENDED,
        /** Not a service file ({@code file.class}). */
        NOT_A_SERVICE,
        /** Needs an account that is not free for anyone ({@code service.registration} Member or Client). */
        NOT_PUBLIC,
        /** A {@code software.name} the broker does not map to a catalogue service. */
        UNKNOWN_SOFTWARE,
        /** The service's end date has passed. */
        SERVICE_ENDED,
        /** No {@code service.website}: nowhere to send people. */
        NO_WEBSITE,
        /** The website is not https (plain http only on the loopback) or not a URL. */
        BAD_ADDRESS,
        /** The website is outside the organization's own domains. */
        FOREIGN_DOMAIN,
        /** {@code service.rooms} is neither off nor a room shape on the host's own address. */
        BAD_ROOMS;

        /** As a metric label and in the API. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
