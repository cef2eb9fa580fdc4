package org.chatons.entraide.broker.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.chatons.entraide.broker.chatonsinfos.ChatonsInfos;
import org.chatons.entraide.broker.chatonsinfos.DeclaredView;
import org.chatons.entraide.broker.chatonsinfos.Refusal;

/**
 * {@code GET /api/v1/chatonsinfos}: what the federation's ChatonsInfos files declare as the broker took it, for
 * coordinators and members to see why a service is or is not offered. Everything in it is already public in the
 * files; an anonymous client can read it and change nothing.
 */
@Controller("/api/v1/chatonsinfos")
public class ChatonsInfosController {

    private final ChatonsInfos chatonsInfos;

    public ChatonsInfosController(ChatonsInfos chatonsInfos) {
        this.chatonsInfos = chatonsInfos;
    }

    @Get
    public Federation federation() {
        ChatonsInfos.Status status = chatonsInfos.status();
        DeclaredView view = chatonsInfos.view();
        return new Federation(status.enabled(), view.federation() == null ? null : view.federation().toString(),
                view.federationName(), status.readable(), status.problem(), status.lastAttempt(), status.lastSuccess(),
                view.files(), view.unreadable(), view.lastGoodCopies(), view.requests(),
                view.members().stream().map(m -> new MemberView(m.member().id(), m.member().name(), m.inMembersFile(),
                        str(m.file()))).toList(),
                view.hosts().stream().map(h -> new DeclaredHostView(h.member().id(), h.id(), h.service(), h.software(),
                        h.url().toString(), h.level(), h.full(), str(h.file()))).toList(),
                view.refusals().stream().map(RefusalView::of).toList());
    }

    private static String str(URI uri) {
        return uri == null ? null : uri.toString();
    }

    /** The whole answer; empty lists and unknown values are written too, so clients always find every field. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Federation(boolean enabled, @Nullable String federation, String federationName, boolean readable,
                             @Nullable String problem, @Nullable Instant lastAttempt, @Nullable Instant lastSuccess,
                             int files, int unreadableFiles, int lastGoodCopies, int requests,
                             List<MemberView> members, List<DeclaredHostView> hosts, List<RefusalView> refusals) {
    }

    /** A member in force. */
    @Serdeable
    public record MemberView(String id, String name, boolean inMembersFile, @Nullable String file) {
    }

    /** A declared host offered once its public probe says UP ({@code /api/v1/services/{service}/hosts} has it). */
    @Serdeable
    public record DeclaredHostView(String member, String id, String service, String software, String url,
                                   String level, boolean full, @Nullable String file) {
    }

    /** What is not offered, and why. */
    @Serdeable
    public record RefusalView(String member, @Nullable String host, @Nullable String file, String reason,
                              String detail) {

        static RefusalView of(Refusal r) {
            return new RefusalView(r.member(), r.host(), str(r.file()), r.reason().label(), r.detail());
        }
    }
}
