package org.chatons.entraide.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a credential is to be found: an environment variable ({@code token-env}, {@code secret-env}) or a file
 * ({@code token-file}, {@code secret-file}). The configuration names the place, never the value.
 *
 * <p>Under systemd a file may come as a credential instead: the service's own user (DynamicUser=) cannot read a
 * root-only file, so the unit passes it with {@code LoadCredential=NAME:PATH}, and a file whose name is NAME is read
 * from {@code $CREDENTIALS_DIRECTORY}. The same configuration then works for the service and for root's
 * {@code probe-agent check}.
 *
 * @param fromEnv  true for an environment variable, false for a file
 * @param name     the variable's name or the file's path
 * @param key      the configuration key that named it, for error messages
 * @param line     the line of that key
 */
public record SecretRef(boolean fromEnv, String name, String key, int line) {

    /**
     * Reads the credential.
     *
     * @param env the process environment (injected so tests need not set real variables)
     * @param dir the configuration file's folder, against which a relative file path is resolved
     * @return the credential, or an error message naming the key when it cannot be read
     */
    public Resolved resolve(Map<String, String> env, Path dir) {
        if (fromEnv) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return new Resolved(null, "environment variable " + name + " is not set or empty");
            }
            return new Resolved(new Secret(value), null);
        }
        Path file = source(env, dir);
        try {
            String value = Files.readString(file);
            if (value.isBlank()) {
                return new Resolved(null, "file " + file + " is empty");
            }
            return new Resolved(new Secret(value), null);
        } catch (IOException e) {
            return new Resolved(null, "cannot read file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The configured file, or the systemd credential of the same name when the service was given one. */
    private Path source(Map<String, String> env, Path dir) {
        Path configured = dir.resolve(name);
        String credentials = env.get("CREDENTIALS_DIRECTORY");
        if (credentials != null && !credentials.isBlank() && configured.getFileName() != null) {
            Path credential = Path.of(credentials).resolve(configured.getFileName().toString());
            if (Files.isRegularFile(credential)) {
                return credential;
            }
        }
        return configured;
    }

    /** A credential, or why there is none. */
    public record Resolved(Secret secret, String error) {
    }
}
