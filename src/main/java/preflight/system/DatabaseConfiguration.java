package preflight.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /**
     * Preflight runs on PostgreSQL only. Named here instead of detected over a connection, so the
     * build's AOT step (spring-boot-maven-plugin process-aot) needs no database.
     */
    @Bean
    JdbcDialect jdbcDialect() {
        return JdbcPostgresDialect.INSTANCE;
    }
}
