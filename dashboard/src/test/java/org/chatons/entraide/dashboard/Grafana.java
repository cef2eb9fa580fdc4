package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small builder of Grafana dashboard JSON (schema 39, Grafana 10 and 11), so that the three dashboards share one
 * way of writing a panel ({@link Panel}), one datasource (here) and one layout ({@link Dashboard}). Only what
 * differs from Grafana's defaults is written.
 */
final class Grafana {

    /** The uid of the datasource provisioned in grafana/provisioning/datasources/prometheus.yml. */
    static final String DATASOURCE_UID = "entraide-prometheus";
    static final int SCHEMA_VERSION = 39;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Grafana() {
    }

    static ObjectNode datasource() {
        return NODES.objectNode().put("type", "prometheus").put("uid", DATASOURCE_UID);
    }
}
