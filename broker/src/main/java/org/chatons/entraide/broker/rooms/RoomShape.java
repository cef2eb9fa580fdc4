package org.chatons.entraide.broker.rooms;

import java.util.Optional;
import java.util.regex.Pattern;
import org.chatons.entraide.probes.software.NamedRooms;
import org.chatons.entraide.protocol.RoomsSetting;

/**
 * How one host makes its rooms' addresses, from what its member says ({@link RoomsSetting}) and what its software
 * does. Read alike by every broker: the host's report (or its ChatonsInfos file) and the members file.
 *
 * <ul>
 *   <li>{@code off} from either the host's own word or the members file: it takes no rooms (the safer word
 *       wins);</li>
 *   <li>else a shape: the host's own word first (it is the newer), then the members file's; the names it takes are
 *       its software's, or the common safe set ({@link RoomName}) for a software that has no rooms of its own;</li>
 *   <li>else its software's, or none.</li>
 * </ul>
 * A setting that is not safe (every entry point refuses one, so only a bug would bring one here) counts as off.
 */
final class RoomShape {

    private static final Pattern ANY_SAFE_NAME = Pattern.compile(".+");

    private RoomShape() {
    }

    /**
     * @param software   its software's rooms, if it has any
     * @param own        what its report or ChatonsInfos file says ({@code rooms}, {@code service.rooms}), or null
     * @param membersFile what the members file says of it, or null
     */
    static Optional<NamedRooms> of(Optional<NamedRooms> software, String own, String membersFile) {
        if (RoomsSetting.isOff(own) || RoomsSetting.isOff(membersFile)) {
            return Optional.empty();
        }
        String setting = own != null ? own : membersFile;
        if (setting == null) {
            return software;
        }
        if (RoomsSetting.problem(setting) != null) {
            return Optional.empty();
        }
        return Optional.of(new NamedRooms(setting, software.map(NamedRooms::allowedName).orElse(ANY_SAFE_NAME)));
    }
}
