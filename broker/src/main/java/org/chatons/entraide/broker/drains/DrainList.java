package org.chatons.entraide.broker.drains;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Drain decisions as brokers exchange them ({@code POST /api/v1/admin/drains}) and coordinators list them
 * ({@code GET /api/v1/admin/drains}).
 *
 * @param drains every decision the sender holds
 */
@Serdeable
public record DrainList(List<DrainState> drains) {

    public DrainList {
        drains = drains == null ? List.of() : List.copyOf(drains);
    }
}
