package org.titlecert.rest.internal;

import java.util.List;

import org.titlecert.api.Violation;

/** The JSON of every error response: a stable code, a Chinese message and, for bad input, what is wrong. */
public record ErrorBody(String code, String message, List<Violation> errors) {

    ErrorBody(String code, String message) {
        this(code, message, null);
    }
}
