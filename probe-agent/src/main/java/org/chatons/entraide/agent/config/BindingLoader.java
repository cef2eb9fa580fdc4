package org.chatons.entraide.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the configuration's binding ({@code binding/}: Jackson's YAML data binding and SnakeYAML under it) with a
 * class loader of its own, used once and dropped. Jackson's data binding is some 350 classes the agent needs only
 * to read its file: loaded by the application's class loader they would stay in memory for good (BENCHMARKS.md,
 * "Without an ObjectMapper"); loaded by this one they are unloaded with it at the next full collection. All of
 * Jackson is loaded again here rather than shared with the application, so that not even its annotations or the
 * streaming parser's helpers stay behind; the rest (the configuration's records, the wire rules) comes from the
 * application, so what the binding returns is the application's own types.
 */
final class BindingLoader extends URLClassLoader {

    /** What this loader loads itself, before asking the application's. */
    private static final List<String> OWN = List.of("com.fasterxml.jackson.", "org.yaml.snakeyaml.",
            "org.chatons.entraide.yaml.", "org.chatons.entraide.agent.config.binding.");
    private static final String READER = "org.chatons.entraide.agent.config.binding.AgentConfigReader";
    /** A class of each jar this loader reads, to find where it is. */
    private static final List<String> FOUND_BY = List.of("com.fasterxml.jackson.core.JsonParser",
            "com.fasterxml.jackson.annotation.JsonCreator", "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.dataformat.yaml.YAMLFactory", "org.yaml.snakeyaml.Yaml",
            "org.chatons.entraide.yaml.YamlBinder", READER);

    static {
        registerAsParallelCapable();
    }

    private BindingLoader(URL[] urls, ClassLoader parent) {
        super(urls, parent);
    }

    /** Binds and checks with a loader made for the purpose, closed afterwards. */
    static AgentConfig parse(String text, Path file, Set<String> software) throws ConfigException {
        ClassLoader app = BindingLoader.class.getClassLoader();
        try (BindingLoader loader = new BindingLoader(roots(app), app)) {
            ConfigParser parser = (ConfigParser) loader.loadClass(READER).getConstructor().newInstance();
            return parser.parse(text, file, software);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the configuration's binding is missing from the class path", e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (OWN.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** The jars or folders that hold the classes this loader loads itself (one jar once the agent is packaged). */
    private static URL[] roots(ClassLoader app) throws MalformedURLException {
        Set<URL> roots = new LinkedHashSet<>();
        for (String name : FOUND_BY) {
            String file = name.replace('.', '/') + ".class";
            URL url = app.getResource(file);
            if (url == null) {
                throw new IllegalStateException("no " + file + " on the class path");
            }
            String s = url.toString();
            roots.add(new URL(s.startsWith("jar:") ? s.substring(4, s.indexOf("!/"))
                    : s.substring(0, s.length() - file.length())));
        }
        return roots.toArray(URL[]::new);
    }
}
