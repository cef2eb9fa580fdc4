package org.chatons.entraide.broker.members;

/**
 * Published when a new members file comes into force, for what holds members beyond the directory: the registry's
 * hosts carry their member, the metrics label by member.
 *
 * @param members the members now in force
 */
public record MembersChanged(MemberDirectory members) {
}
