# Preflight container image.
#   docker build -t preflight .
#   docker run -p 8080:8080 -e SLACK_BOT_TOKEN=... -e SLACK_SIGNING_SECRET=... \
#     -e SPRING_DATASOURCE_URL=jdbc:postgresql://db-host:5432/preflight preflight
# or `docker compose up` with docker-compose.yml (PostgreSQL included).

# ---- build: compile, package, split the jar into layers ----
FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace

# Wrapper and POM first, so the dependency download is a cached layer that is only
# rebuilt when pom.xml or the wrapper changes, not on every source edit.
# go-offline alone misses some mediated versions (e.g. slack-api-model); adding
# dependency:resolve lets the package step below run without downloading anything.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw && ./mvnw -B -ntp dependency:go-offline dependency:resolve

COPY src/ src/
RUN ./mvnw -B -ntp -DskipTests package \
 && cp target/*.jar application.jar

# Spring Boot's jarmode tools split the uber jar into the layers listed in its layers.idx
# (dependencies, spring-boot-loader, snapshot-dependencies, application). Without
# --launcher, application/ holds a thin application.jar whose manifest class path points at
# the jars in lib/: the layout the Spring Boot 4 docs recommend (fast start, CDS/AOT-cache
# friendly), started with `java -jar application.jar`.
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# ---- run: JRE only, non-root ----
FROM eclipse-temurin:21-jre

# The health check uses curl; Temurin's Ubuntu images ship it, install it if a base ever does not.
RUN command -v curl >/dev/null \
 || { apt-get update \
      && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; }

RUN groupadd --system --gid 10001 preflight \
 && useradd --system --uid 10001 --gid preflight --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin preflight

WORKDIR /app
# One image layer per jar layer, least to most frequently changed.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

USER 10001:10001

# Fits a 512 MiB container: the heap is half the container's limit, the rest is metaspace, code
# cache, thread stacks and PostgreSQL/HTTP buffers. Set JAVA_TOOL_OPTIONS to replace it.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k"

EXPOSE 8080

# Slack posts to /slack/events on this port; the actuator health includes the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health" || exit 1

# Spring's AOT bean definitions, generated into the jar at build time: which beans exist was
# decided then from application.yaml (see .ci/start.sh). No class cache here: the training run
# that records one creates every bean and so needs PostgreSQL, which the image build does not have.
ENTRYPOINT ["java", "-Dspring.aot.enabled=true", "-jar", "application.jar"]
