package org.chatons.entraide.broker.members;

import java.util.Objects;

/**
 * The members in force: the last members file read without a mistake. Swapped whole when the file changes (see
 * {@link MembersReloader}), so a reader sees the old members or the new ones, never a mix.
 */
public final class Members {

    private volatile MemberDirectory current;

    public Members(MemberDirectory initial) {
        this.current = Objects.requireNonNull(initial);
    }

    public MemberDirectory current() {
        return current;
    }

    void replace(MemberDirectory next) {
        current = Objects.requireNonNull(next);
    }
}
