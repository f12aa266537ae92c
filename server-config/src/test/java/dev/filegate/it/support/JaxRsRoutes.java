package dev.filegate.it.support;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Every JAX-RS route of the API as its classes declare it ({@code GET /api/v1/orgs/{org}/files/{id}}), found by
 * reading the resource classes themselves, so that no list kept by hand can fall behind them.
 */
public final class JaxRsRoutes {

    private static final String PACKAGE = "dev/filegate/api";

    private JaxRsRoutes() {}

    public static Set<String> declared() {
        List<Class<?>> classes = classes();
        String base = classes.stream()
                .map(c -> c.getAnnotation(ApplicationPath.class))
                .filter(a -> a != null)
                .map(ApplicationPath::value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no @ApplicationPath found"));
        Set<String> routes = new TreeSet<>();
        for (Class<?> c : classes) {
            Path root = c.getAnnotation(Path.class);
            if (root == null || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            for (Method m : c.getMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                routes.add(verb + " " + normalise(base + "/" + root.value() + (sub == null ? "" : "/" + sub.value())));
            }
        }
        return routes;
    }

    /** Slashes collapsed, none at the end, and a template's regex dropped: {@code {original: .*}} is {@code {original}}. */
    public static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<Class<?>> classes() {
        List<Class<?>> found = new ArrayList<>();
        try {
            for (URL root : Collections.list(JaxRsRoutes.class.getClassLoader().getResources(PACKAGE))) {
                for (String name : classNames(root)) {
                    found.add(Class.forName(name, false, JaxRsRoutes.class.getClassLoader()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no classes of " + PACKAGE + " on the class path");
        }
        return found;
    }

    private static List<String> classNames(URL root) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        if (root.getProtocol().equals("jar")) {
            try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                jar.stream()
                        .map(e -> e.getName())
                        .filter(n -> n.startsWith(PACKAGE + "/") && n.endsWith(".class"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
            return names;
        }
        var dir = Paths.get(root.toURI());
        var classesRoot = dir.getParent().getParent().getParent();
        try (var walk = Files.walk(dir)) {
            walk.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String rel = classesRoot.relativize(f).toString();
                names.add(rel.substring(0, rel.length() - 6).replace(File.separatorChar, '.'));
            });
        }
        return names;
    }
}
