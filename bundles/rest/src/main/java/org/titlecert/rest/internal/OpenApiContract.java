package org.titlecert.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.jaxrs2.ReaderListener;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.integration.api.OpenApiReader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Build time only: completes the OpenAPI document from what the code enforces, so the two cannot disagree. The
 * swagger-maven-plugin finds this listener (by its {@code @OpenAPIDefinition}) while scanning the package; the
 * running bundle never loads it. It adds to every operation:
 * <ul>
 * <li>its security: none for {@link Public}; otherwise an API key (with the {@link RequiresScope} scope as
 * {@code x-required-scope}) or the session cookie, plus the CSRF header on state-changing calls;</li>
 * <li>the error responses that can happen to it: 400 with input, 401 and 403 when guarded, 404 with a path id,
 * 413 with a body, 429 where public (rate-limited), and the error schema for anything else;</li>
 * <li>for a binary upload, the multipart form first ({@code file}, with the declared media types as its
 * encoding): generated clients, which cannot send a raw binary body, upload that way.</li>
 * </ul>
 * It also makes enums named schemas (so generated clients get enum types), adds the examples of
 * {@code openapi/examples.yaml} to the schemas they name, and sorts paths and schemas for stable diffs (media
 * types keep their declared order: generators take the first).
 */
@OpenAPIDefinition
public class OpenApiContract implements ReaderListener {

    static final String EXAMPLES = "/openapi/examples.yaml";

    /**
     * Schema names as Java names them, except that an enum nested in a type is named with its outer type
     * ({@code PdfCheck.Outcome} is {@code PdfCheckOutcome}), so it cannot collide with another {@code Outcome}.
     * Registered with the plugin as a model converter.
     */
    public static class SchemaNames extends ModelResolver {
        private static final Map<String, Class<?>> NAMED = new java.util.concurrent.ConcurrentHashMap<>();

        public SchemaNames() {
            super(io.swagger.v3.core.util.Json.mapper(), new TypeNameResolver() {
                @Override
                protected String getNameOfClass(Class<?> cls) {
                    Class<?> outer = cls.getEnclosingClass();
                    String name = cls.isEnum() && outer != null ? outer.getSimpleName() + cls.getSimpleName()
                            : super.getNameOfClass(cls);
                    Class<?> before = NAMED.putIfAbsent(name, cls);
                    if (before != null && before != cls) {
                        // one schema would silently replace the other in the document
                        throw new IllegalStateException("two types named " + name + ": " + before + ", " + cls);
                    }
                    return name;
                }
            });
        }
    }

    @Override
    public void beforeScan(OpenApiReader reader, OpenAPI openAPI) {
        ModelResolver.enumsAsRef = true;
    }

    @Override
    public void afterScan(OpenApiReader reader, OpenAPI openAPI) {
        for (Map.Entry<String, Method> e : ResourceMethods.all().entrySet()) {
            String[] verbAndPath = e.getKey().split(" ", 2);
            PathItem item = openAPI.getPaths().get(verbAndPath[1]);
            Operation op = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(verbAndPath[0]));
            if (op == null) {
                throw new IllegalStateException("not in the OpenAPI document: " + e.getKey());
            }
            complete(op, e.getValue(), !"GET".equals(verbAndPath[0]), verbAndPath[1].contains("{"));
            multipart(op.getRequestBody());
        }
        examples(openAPI);
        Paths sorted = new Paths();
        new TreeMap<>(openAPI.getPaths()).forEach(sorted::addPathItem);
        openAPI.setPaths(sorted);
        openAPI.getComponents().setSchemas(new TreeMap<>(openAPI.getComponents().getSchemas()));
    }

    @SuppressWarnings("rawtypes")
    private static void multipart(RequestBody body) {
        if (body == null || body.getContent() == null
                || !body.getContent().values().stream().map(MediaType::getSchema).allMatch(OpenApiContract::binary)) {
            return;
        }
        String types = body.getContent().keySet().stream().filter(t -> !t.equals("application/octet-stream"))
                .collect(Collectors.joining(", "));
        Content content = new Content().addMediaType("multipart/form-data", new MediaType()
                .schema(new Schema().$ref("#/components/schemas/Upload"))
                .addEncoding("file", new Encoding().contentType(types.isEmpty() ? "application/octet-stream" : types)));
        body.getContent().forEach((type, media) -> content.putIfAbsent(type, media));
        body.setContent(content);
    }

    @SuppressWarnings("rawtypes")
    private static boolean binary(Schema s) {
        return s != null && "string".equals(s.getType()) && "binary".equals(s.getFormat());
    }

    private static void complete(Operation op, Method m, boolean changesState, boolean hasPathId) {
        boolean open = ResourceMethods.annotation(m, Public.class) != null;
        RequiresScope scope = ResourceMethods.annotation(m, RequiresScope.class);
        if (!open) {
            op.addSecurityItem(new SecurityRequirement().addList("apiKey"));
            SecurityRequirement session = new SecurityRequirement().addList("session");
            op.addSecurityItem(changesState ? session.addList("csrf") : session);
            if (scope != null) {
                op.addExtension("x-required-scope", scope.value());
            }
            String access = (scope == null ? "需要登录" : "API 密钥需要权限 " + scope.value())
                    + (changesState ? "；浏览器会话还需 X-CSRF-Token 请求头" : "") + "。";
            op.setDescription(op.getDescription() == null ? access : op.getDescription() + "\n\n" + access);
        }
        ApiResponses responses = op.getResponses();
        responses.values().stream().filter(r -> "default response".equals(r.getDescription()))
                .forEach(r -> r.setDescription("成功 · OK"));
        boolean input = op.getRequestBody() != null || op.getParameters() != null && !op.getParameters().isEmpty();
        error(responses, "400", "BadRequest", input);
        error(responses, "401", "Unauthenticated", !open);
        error(responses, "403", "Forbidden", !open);
        error(responses, "404", "NotFound", hasPathId);
        error(responses, "413", "PayloadTooLarge", op.getRequestBody() != null);
        error(responses, "429", "TooManyRequests", open);
        error(responses, "default", "Error", true);
    }

    private static void error(ApiResponses responses, String status, String name, boolean applies) {
        if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void examples(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        try (InputStream in = OpenApiContract.class.getResourceAsStream(EXAMPLES)) {
            Map<String, Object> examples = Yaml.mapper().readValue(in, Map.class);
            List<String> unknown = new ArrayList<>();
            examples.forEach((name, example) -> {
                Schema s = schemas.get(name);
                if (s == null) {
                    unknown.add(name);
                } else {
                    s.setExample(example);
                }
            });
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("examples for schemas that do not exist: " + unknown);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
