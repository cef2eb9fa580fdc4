package org.chatons.entraide.broker.catalogue;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.chatons.entraide.probes.software.Softwares;

/**
 * The softwares of {@code probes/}, loaded once: what a ChatonsInfos {@code software.name} stands for, how a
 * declared host is probed, and the name people read for a software in reports.
 */
@Factory
public class SoftwaresFactory {

    @Singleton
    Softwares softwares() {
        return Softwares.load();
    }
}
