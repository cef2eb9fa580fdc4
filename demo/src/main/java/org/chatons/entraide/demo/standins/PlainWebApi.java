package org.chatons.entraide.demo.standins;

/** Any web application without an API (a poll service, say): its front page is all there is to probe. */
public final class PlainWebApi implements Api {

    @Override
    public String software() {
        return "http";
    }

    @Override
    public Reply answer(Request request, HostState state) {
        return null; // the stand-in's own front page answers "/"
    }
}
