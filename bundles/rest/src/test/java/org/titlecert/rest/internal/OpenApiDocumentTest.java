package org.titlecert.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document generated at build time describes exactly what the resources do, as clients need it. */
class OpenApiDocumentTest {

    private static JsonNode doc;
    private static final Map<String, Method> METHODS = ResourceMethods.all();

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as("generated openapi.json").isNotNull();
            doc = new ObjectMapper().readTree(in);
        }
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(
                op -> ops.add(Map.entry(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), op.getValue()))));
        return ops;
    }

    @Test
    void documentMatchesTheResourceMethods() {
        assertThat(METHODS).hasSizeGreaterThan(50);
        assertThat(operations().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrderElementsOf(METHODS.keySet());
    }

    @Test
    void operationIdsAreUniqueVerbsAndSummariesAreChineseAndEnglish() {
        Set<String> ids = new HashSet<>();
        for (var op : operations()) {
            String id = op.getValue().path("operationId").asText();
            assertThat(id).as(op.getKey()).matches("(list|get|create|update|download|upload|import|export|approve|withdraw|use|lookup|"
                    + "reject|request|remind|mark|count|confirm|revoke|reinstate|regenerate|verify|check|login|logout|register|save|disable|enable|reset)"
                    + "[A-Z][A-Za-z]*|login|logout");
            assertThat(ids.add(id)).as("unique " + id).isTrue();
            assertThat(op.getValue().path("summary").asText()).as(op.getKey()).matches(".*\\p{IsHan}.* · [A-Z].*");
        }
    }

    @Test
    void securityFollowsTheGuard() {
        for (var op : operations()) {
            Method m = METHODS.get(op.getKey());
            boolean open = ResourceMethods.annotation(m, Public.class) != null;
            JsonNode security = op.getValue().path("security");
            if (open) {
                assertThat(security.isMissingNode() || security.isEmpty()).as(op.getKey()).isTrue();
                continue;
            }
            assertThat(security.toString()).as(op.getKey()).contains("apiKey").contains("session");
            assertThat(security.toString().contains("csrf")).as(op.getKey()).isEqualTo(!op.getKey().startsWith("GET "));
            RequiresScope scope = ResourceMethods.annotation(m, RequiresScope.class);
            assertThat(op.getValue().path("x-required-scope").asText(null)).as(op.getKey())
                    .isEqualTo(scope == null ? null : scope.value());
            assertThat(op.getValue().at("/responses/401/$ref").asText()).isEqualTo("#/components/responses/Unauthenticated");
        }
        assertThat(doc.at("/components/securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("apiKey", "session", "csrf");
    }

    @Test
    void everyResponseAndBodyHasItsMediaTypeAndSchema() {
        for (var op : operations()) {
            JsonNode responses = op.getValue().get("responses");
            assertThat(responses.has("default")).as(op.getKey()).isTrue();
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2") && !r.getKey().equals("204")) {
                    JsonNode content = r.getValue().path("content");
                    assertThat(content.size()).as(op.getKey() + " " + r.getKey()).isEqualTo(1);
                    content.fields().forEachRemaining(c -> {
                        JsonNode schema = c.getValue().path("schema");
                        assertThat(schema.has("$ref") || schema.has("type")).as(op.getKey()).isTrue();
                        if (!c.getKey().equals("application/json")) {
                            assertThat(schema.path("format").asText()).as(op.getKey() + " " + c.getKey()).isEqualTo("binary");
                        }
                    });
                }
            });
            JsonNode body = op.getValue().path("requestBody").path("content");
            body.fields().forEachRemaining(c -> assertThat(c.getValue().path("schema").isEmpty())
                    .as(op.getKey() + " body " + c.getKey()).isFalse());
            if (body.has("application/octet-stream")) {
                assertThat(body.fieldNames().next()).as("generated clients upload the form: " + op.getKey())
                        .isEqualTo("multipart/form-data");
                assertThat(body.size()).as("each upload names its real media types").isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void everyObjectSchemaHasAnExample() {
        doc.at("/components/schemas").fields().forEachRemaining(s -> {
            if (!s.getValue().has("enum") && !s.getKey().equals("Upload")) {
                assertThat(s.getValue().has("example")).as(s.getKey()).isTrue();
            }
        });
    }

    /** Every error code a service or resource can answer is listed, and nothing else. */
    @Test
    void theStableErrorCodesAreExactlyThoseTheCodeRaises() throws Exception {
        Pattern raised = Pattern.compile("\\b(?:invalid|forbidden|notFound|conflict|tooLarge|unsupported|tooMany"
                + "|busy|unauthenticated|ErrorBody)\\(\\s*\"([A-Z][A-Z0-9_]+)\"|new TitleCertException\\([^,]+,\\s*\"([A-Z][A-Z0-9_]+)\"");
        Set<String> codes = new TreeSet<>();
        Path bundles = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(bundles)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")) {
                    Matcher m = raised.matcher(Files.readString(f));
                    while (m.find()) {
                        codes.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        doc.at("/components/schemas/ApiError/x-stable-codes").forEach(c -> listed.add(c.asText()));
        assertThat(codes).hasSizeGreaterThan(80);
        assertThat(listed).as("x-stable-codes in src/main/openapi/base.yaml").isEqualTo(codes);
    }
}
