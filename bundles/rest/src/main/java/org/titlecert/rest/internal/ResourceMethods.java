package org.titlecert.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;

/**
 * Every JAX-RS method of this package's resources by "VERB /path", read from the compiled classes: what the
 * OpenAPI document must describe. Build and test time only (it walks the class directory).
 */
final class ResourceMethods {

    private ResourceMethods() {
    }

    static Map<String, Method> all() {
        Map<String, Method> methods = new TreeMap<>();
        try {
            Path root = Path.of(ResourceMethods.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String pkg = ResourceMethods.class.getPackageName();
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$")) {
                        Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6));
                        javax.ws.rs.Path base = type.getAnnotation(javax.ws.rs.Path.class);
                        if (base != null) {
                            for (Method m : type.getDeclaredMethods()) {
                                String verb = verb(m);
                                if (verb != null) {
                                    methods.put(verb + " " + path(base, m.getAnnotation(javax.ws.rs.Path.class)), m);
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return methods;
    }

    private static String verb(Method m) {
        return m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    private static String path(javax.ws.rs.Path base, javax.ws.rs.Path sub) {
        String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
        return path.length() > 1 ? path.replaceAll("/$", "") : path;
    }

    /** The annotation on the method, else on its class. */
    static <A extends Annotation> A annotation(Method m, Class<A> type) {
        A a = m.getAnnotation(type);
        return a != null ? a : m.getDeclaringClass().getAnnotation(type);
    }
}
