package org.titlecert.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document generated at build time lists exactly the JAX-RS methods of the resources. */
class OpenApiDocumentTest {

    @Test
    void documentMatchesTheResourceMethods() throws Exception {
        JsonNode doc;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as("generated openapi.json").isNotNull();
            doc = new ObjectMapper().readTree(in);
        }
        Set<String> documented = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(e -> e.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " " + e.getKey())));

        Set<String> implemented = new HashSet<>();
        Path classes = Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes.resolve("org/titlecert/rest/internal"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName("org.titlecert.rest.internal." + name.replace(".class", ""));
                javax.ws.rs.Path base = type.getAnnotation(javax.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                            : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE"
                            : null;
                    if (verb != null) {
                        javax.ws.rs.Path sub = m.getAnnotation(javax.ws.rs.Path.class);
                        String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value()))
                                .replaceAll("/+", "/");
                        implemented.add(verb + " " + (path.length() > 1 ? path.replaceAll("/$", "") : path));
                    }
                }
            }
        }
        assertThat(implemented).hasSizeGreaterThan(10);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(implemented);
    }
}
