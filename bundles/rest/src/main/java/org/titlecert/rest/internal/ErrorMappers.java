package org.titlecert.rest.internal;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Faults;
import org.titlecert.api.TitleCertException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** Turns every failure into {@link ErrorBody} JSON with a stable code; stack traces stay in the log. */
final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);
    static final MediaType JSON = MediaType.valueOf("application/json;charset=UTF-8");

    private ErrorMappers() {
    }

    static Response response(int status, ErrorBody body) {
        return Response.status(status).type(JSON).header("Cache-Control", "no-store").entity(body).build();
    }

    static int status(TitleCertException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** Refusals by the domain services. */
    static final class Domain implements ExceptionMapper<TitleCertException> {
        @Override
        public Response toResponse(TitleCertException e) {
            Response r = response(status(e.kind()), new ErrorBody(e.code(), e.getMessage(),
                    e.violations().isEmpty() ? null : e.violations()));
            if (e.retryAfterSeconds() > 0) {
                r = Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build();
            }
            return e.kind() == TitleCertException.Kind.UNAUTHENTICATED
                    ? Response.fromResponse(r).header("WWW-Authenticate", "Bearer realm=\"titlecert\"").build() : r;
        }
    }

    /** Routing and content negotiation failures raised by JAX-RS itself. */
    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            ErrorBody body = switch (status) {
                case 404 -> new ErrorBody("NOT_FOUND", "接口不存在");
                case 405 -> new ErrorBody("METHOD_NOT_ALLOWED", "不支持该请求方法");
                case 406 -> new ErrorBody("NOT_ACCEPTABLE", "无法提供所要求的响应格式");
                case 415 -> new ErrorBody("UNSUPPORTED_MEDIA_TYPE", "不支持该请求内容类型");
                default -> status >= 500 ? null : new ErrorBody("BAD_REQUEST", "请求无效");
            };
            if (body == null) {
                return unexpected(e);
            }
            Response r = response(status, body);
            if (status == 405) {
                return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
            }
            return r;
        }
    }

    /** Malformed JSON bodies, and anything unforeseen. */
    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                    && !f.getPath().isEmpty()) {
                return response(400, new ErrorBody("INVALID_FIELD", "字段 " + f.getPath().get(f.getPath().size() - 1)
                        .getFieldName() + " 应为 " + Arrays.stream(f.getTargetType().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(" / "))));
            }
            if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class
                    && !f.getPath().isEmpty()) {
                return response(400, new ErrorBody("INVALID_FIELD", "字段 " + f.getPath().get(f.getPath().size() - 1)
                        .getFieldName() + " 应为 yyyy-mm-dd 格式的日期"));
            }
            if (e instanceof JsonProcessingException) {
                return response(400, new ErrorBody("MALFORMED_JSON", "请求内容不是有效的 JSON，或字段类型不正确"));
            }
            return unexpected(e);
        }
    }

    static Response unexpected(Throwable e) {
        boolean database = Faults.databaseUnavailable(e);
        if (database || Faults.diskFull(e)) {
            // what the platform stands on failed, not the platform: a client is asked to come back
            LOG.warn("{}: {}", database ? "Database unavailable" : "Disk full", e.toString());
            ErrorBody body = database ? new ErrorBody("DATABASE_UNAVAILABLE", Faults.DATABASE_MESSAGE)
                    : new ErrorBody("DISK_FULL", Faults.DISK_FULL_MESSAGE);
            return Response.fromResponse(response(503, body)).header("Retry-After", Faults.RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, e);
        return response(500, new ErrorBody("INTERNAL_ERROR", "服务器内部错误，请稍后重试（事件编号 " + incident + "）"));
    }
}
