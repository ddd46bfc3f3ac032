package preflight.api;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A refusal with its HTTP status; {@code properties} become members of the problem details. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final transient Map<String, Object> properties;

    ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
