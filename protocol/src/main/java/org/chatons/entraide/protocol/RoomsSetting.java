package org.chatons.entraide.protocol;

import java.util.regex.Pattern;

/**
 * A member's word on a host's named rooms (group links, {@code /go/visio/NAME}), in its report ({@code rooms}), its
 * members-file entry or its ChatonsInfos service file: {@value #OFF} (the host takes no rooms), or the shape of a
 * room's address relative to the host's own address, with {@value #NAME} where the name goes ({@code {name}},
 * {@code meet/{name}}, {@code ?room={name}}).
 *
 * <p>A shape is a template on the host's own origin, never a URL: letters, digits and {@code - . _ ~} in path
 * segments, an optional query of the same with {@code = &}, the name once, no scheme, no leading {@code /}, no
 * {@code //}, no {@code .} or {@code ..} segment, nothing percent-encoded. So a hostile shape cannot turn a group link
 * into a redirect to another site (the broker also checks the room's origin is the host's).
 */
public final class RoomsSetting {

    /** The host takes no rooms. */
    public static final String OFF = "off";
    /** Where the room's name goes in a shape. */
    public static final String NAME = "{name}";
    /** Characters of a shape. */
    public static final int MAX_LENGTH = 200;

    /** A path segment: not empty, not {@code .} or {@code ..}. */
    private static final Pattern SEGMENT = Pattern.compile("(?!\\.\\.?$)[A-Za-z0-9._~-]+");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~=&-]*");

    private RoomsSetting() {
    }

    /** Whether the setting turns the host's rooms off. */
    public static boolean isOff(String setting) {
        return OFF.equals(setting);
    }

    /**
     * What is wrong with a setting, or null when it is {@value #OFF}, a safe shape, or absent (null: the software's
     * own shape).
     */
    public static String problem(String setting) {
        if (setting == null || isOff(setting)) {
            return null;
        }
        String expected = " (expected: off, or a room's address relative to the host's, with " + NAME
                + " once, such as " + NAME + " or meet/" + NAME + ")";
        if (setting.length() > MAX_LENGTH) {
            return "at most " + MAX_LENGTH + " characters, got " + setting.length();
        }
        int at = setting.indexOf(NAME);
        if (at < 0 || setting.indexOf(NAME, at + 1) >= 0) {
            return "'" + shown(setting) + "' must hold " + NAME + " exactly once" + expected;
        }
        String plain = setting.replace(NAME, "x");
        int query = plain.indexOf('?');
        String path = query < 0 ? plain : plain.substring(0, query);
        if (query >= 0 && !QUERY.matcher(plain.substring(query + 1)).matches()) {
            return "'" + shown(setting) + "' has a query of other than letters, digits, - . _ ~ = &" + expected;
        }
        if (!path.isEmpty()) {
            // A trailing / is a path's own (meet/{name}/); an empty segment anywhere else is a // or a leading /.
            String[] segments = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path).split("/", -1);
            for (String segment : segments) {
                if (!SEGMENT.matcher(segment).matches()) {
                    return "'" + shown(setting) + "' must stay on the host: path segments of letters, digits,"
                            + " - . _ ~, no leading /, no //, no . or .., no ':' or '%'" + expected;
                }
            }
        }
        return null;
    }

    private static String shown(String setting) {
        return setting.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
