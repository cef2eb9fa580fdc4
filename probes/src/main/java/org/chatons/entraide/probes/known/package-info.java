/**
 * The softwares the federation knows, one small class each, listed in
 * {@code META-INF/services/org.chatons.entraide.probes.software.Software}. A new software is one class here and one
 * line there; its parser, when it has an API worth reading, beside the others in {@code org.chatons.entraide.probes}.
 */
package org.chatons.entraide.probes.known;
