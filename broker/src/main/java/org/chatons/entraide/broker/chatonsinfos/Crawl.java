package org.chatons.entraide.broker.chatonsinfos;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chatons.entraide.protocol.chatonsinfos.PropertiesFile;

/**
 * What one refresh read: the federation file, its organizations, their services. A file that could not be read
 * has no properties but the reason, unless its last good copy stood in for it.
 *
 * @param federation    the federation file's address
 * @param federationFile its properties
 * @param organizations every {@code subs.*} of the federation, in file order
 * @param requests      requests made (file reads included)
 * @param startedAt     when the refresh began
 * @param took          how long it took
 */
public record Crawl(URI federation, PropertiesFile federationFile, List<Organization> organizations, int requests,
                    Instant startedAt, Duration took) {

    public Crawl {
        organizations = List.copyOf(organizations);
    }

    /**
     * One file as the refresh found it.
     *
     * @param uri        its address
     * @param properties what it says, or null when it could not be read and no good copy was kept
     * @param problem    why it could not be read this time, or null
     */
    public record File(URI uri, PropertiesFile properties, String problem) {

        public boolean readable() {
            return properties != null;
        }

        /** Read from the last good copy, this refresh's read having failed. */
        public boolean fromLastGoodCopy() {
            return properties != null && problem != null;
        }
    }

    /** An organization: its {@code subs.<id>} in the federation file, its file, its services. */
    public record Organization(String id, File file, List<Service> services) {

        public Organization {
            services = List.copyOf(services);
        }
    }

    /** A service: its {@code subs.<id>} in the organization file, and its file. */
    public record Service(String id, File file) {
    }

    /** Every file of the refresh, the federation's excepted. */
    public List<File> files() {
        return organizations.stream().flatMap(o -> java.util.stream.Stream.concat(java.util.stream.Stream.of(o.file()),
                o.services().stream().map(Service::file))).toList();
    }
}
