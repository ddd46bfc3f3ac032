package preflight.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import preflight.deployment.Refusal;
import preflight.deployment.Refused;
import preflight.deployment.ShipBlocked;

/**
 * Every refusal of the API as RFC 9457 problem details. Spring's own (wrong method, wrong media
 * type, unknown path, unreadable body) come from the base class; bad input never becomes a 500.
 * Global, not limited to this package: a wrong method or path finds no controller to be advised by.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        var problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        var headers = new HttpHeaders();
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.properties().get("retryAfterSeconds") instanceof Long seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return ResponseEntity.status(e.status()).headers(headers).body(problem);
    }

    @ExceptionHandler(ShipBlocked.class)
    ResponseEntity<ProblemDetail> blocked(ShipBlocked e) {
        var missing = MissingWords.all(e.missing());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The verdict is NO-GO: " + String.join(", ", missing)
                        + ". Ship anyway only with {\"override\": \"<reason>\"}.");
        problem.setTitle("NO-GO");
        problem.setProperty("missing", missing);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** The domain's refusals, worded for a pipeline (Slack words the same refusals in slack/text/Refusals). */
    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        HttpStatus status = switch (e.refusal()) {
            case Refusal.WrongState wrong -> HttpStatus.CONFLICT;
            case Refusal.TooManyActive tooMany -> HttpStatus.CONFLICT;
            default -> HttpStatus.FORBIDDEN;
        };
        String detail = switch (e.refusal()) {
            case Refusal.WrongState(var release, var step) -> "Release " + release.version() + " is "
                    + StatusWords.named(release.status()) + ", so it cannot "
                    + step.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " now.";
            case Refusal.TooManyActive(var channel, int limit) -> "The channel already has " + limit
                    + " active releases; ship, complete or abort one first.";
            default -> "This token may not do that to this release.";
        };
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : "Forbidden");
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "`" + e.getName() + "` has a value that is not allowed here.");
        problem.setTitle("Bad request");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The API takes JSON bodies (Content-Type: application/json), not form data.");
        problem.setTitle("Bad request");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not the JSON this endpoint takes (see /v3/api-docs): " + reason(e));
        problem.setTitle("Bad request");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("API request failed", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on Preflight's side; nothing is known to have changed. Try again.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** Jackson's first line names the field and what was wrong, without echoing the body. */
    private static String reason(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause.getMessage() == null ? "unreadable" : cause.getMessage().lines().findFirst().orElse("");
        int source = message.indexOf(" at [Source");
        message = source > 0 ? message.substring(0, source) : message;
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
