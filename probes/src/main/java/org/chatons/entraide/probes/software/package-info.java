/**
 * What a software is to the federation ({@link org.chatons.entraide.probes.software.Software}) and the registry
 * that finds every one of them ({@link org.chatons.entraide.probes.software.Softwares}). Pure: the public probes
 * ask for their requests through the broker's {@link org.chatons.entraide.probes.software.PublicProbe.Asker}.
 */
package org.chatons.entraide.probes.software;
