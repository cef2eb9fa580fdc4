package org.chatons.entraide.demo.standins;

import java.util.Map;
import java.util.Set;

/** Any web application without an API (a poll service, say): its front page is all there is to probe. */
public final class PlainWebApi extends RoutedApi {

    public PlainWebApi() {
        super("http", Set.of(), Map.of()); // the stand-in's own front page answers "/"
    }
}
