package org.titlecert.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;
import javax.ws.rs.ext.ParamConverterProvider;

import org.titlecert.api.TitleCertException;

/**
 * Typed query parameters (integers, booleans, enums, instants) with the API's Chinese 400 errors, where JAX-RS
 * conversion would answer 404. Resources declare the real types, so the OpenAPI document and generated clients
 * see them too. Enum values are accepted in any case; an empty value counts as absent.
 */
final class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (type == Integer.class) {
            return (ParamConverter<T>) converter(Integer::valueOf, name, "应为整数");
        }
        if (type == Long.class) {
            return (ParamConverter<T>) converter(Long::valueOf, name, "应为整数");
        }
        if (type == Boolean.class) {
            return (ParamConverter<T>) converter(ParamConverters::bool, name, "应为 true 或 false");
        }
        if (type == Instant.class) {
            return (ParamConverter<T>) converter(Instant::parse, name, "应为 ISO-8601 时间，如 2026-01-01T00:00:00Z");
        }
        if (type.isEnum()) {
            Class<? extends Enum> e = (Class<? extends Enum>) type;
            return (ParamConverter<T>) converter(v -> Enum.valueOf(e, v.toUpperCase(Locale.ROOT)), name, "应为 "
                    + Arrays.stream(e.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(" / ")));
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "";
    }

    private static Boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(v);
        };
    }

    private static <T> ParamConverter<T> converter(Function<String, T> parse, String name, String expected) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw TitleCertException.invalid("INVALID_PARAMETER", "参数 " + name + " " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }
}
