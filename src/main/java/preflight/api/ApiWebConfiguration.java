package preflight.api;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiWebConfiguration implements WebMvcConfigurer {

    static final String BASE = "/api/v1";

    private final TokenAuthentication authentication;

    ApiWebConfiguration(TokenAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authentication).addPathPatterns(BASE + "/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(authentication);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> apiBodySizeLimit(ApiSettings settings) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimit(settings.maxBody()));
        registration.addUrlPatterns(BASE + "/*");
        return registration;
    }
}
