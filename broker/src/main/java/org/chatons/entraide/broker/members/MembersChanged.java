package org.chatons.entraide.broker.members;

/**
 * Published when a new members file comes into force, for what holds members beyond the directory: the registry's
 * hosts carry their member, the metrics label by member. Members that neither file names (known from elsewhere)
 * are none of its business.
 *
 * @param before the members in force until now
 * @param after  the members now in force
 */
public record MembersChanged(MemberDirectory before, MemberDirectory after) {
}
