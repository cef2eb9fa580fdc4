package org.chatons.entraide.probes.software;

import java.net.URI;

/** A host's home address as the paths of its software resolve under it. */
public final class Homes {

    private Homes() {
    }

    /** The address ending with a slash, so that a path such as {@code "stats"} resolves under it. */
    public static URI base(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path);
    }
}
