package preflight.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

import preflight.token.ApiTokens;

/**
 * Every {@code /api/v1} request names its token ({@code Authorization: Bearer pft_…}) before
 * anything else happens; the token, once known, is what a controller's {@link ApiCaller}
 * parameter is. The rate limit is counted here too, per token.
 */
@Component
class TokenAuthentication implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String CALLER = TokenAuthentication.class.getName() + ".caller";
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final RateLimiter limiter;

    TokenAuthentication(ApiTokens tokens, RateLimiter limiter) {
        this.tokens = tokens;
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(CALLER) != null) {
            return true; // the dispatch that completes a long poll
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("Send the channel's API token as `Authorization: Bearer pft_…`"
                    + " (create one in Slack with `/deploy token create <name>`).");
        }
        var token = tokens.authenticate(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> unauthorized("This token is unknown or revoked."));
        limiter.acquire(token.id()).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This token sent too many requests; retry in " + seconds + " s.",
                    Map.of("retryAfterSeconds", seconds));
        });
        request.setAttribute(CALLER, new ApiCaller(token));
        return true;
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        var caller = webRequest.getAttribute(CALLER, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw unauthorized("No API token.");
        }
        return caller;
    }
}
