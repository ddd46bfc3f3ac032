package preflight.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Preflight pipeline API", version = "v1",
        description = "Open a release from CI/CD, report its checks, wait for GO and mark it shipped. Every request"
                + " carries a channel's token (`/deploy token create <name>` in Slack); errors are RFC 9457 problem"
                + " details."))
@SecurityScheme(name = OpenApiConfiguration.TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "pft_…")
class OpenApiConfiguration {

    static final String TOKEN = "token";
}
