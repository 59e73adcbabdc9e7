# Multi-stage build of the Casework Spring Boot / Camunda 7 app.
#   docker build -t casework .      (or via docker-compose.yml)

# ---- build stage ------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# Maven wrapper + POM first, so the dependency download is cached as a layer.
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
RUN chmod +x mvnw \
 && (./mvnw -B -q dependency:go-offline || echo "dependency pre-fetch incomplete; package will fetch the rest")

COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

# ---- runtime stage ----------------------------------------------------------
FROM eclipse-temurin:17-jre
WORKDIR /app

RUN groupadd --system casework \
 && useradd --system --gid casework --home-dir /app --no-create-home --shell /usr/sbin/nologin casework \
 && chown casework:casework /app

COPY --from=build --chown=casework:casework /workspace/target/casework.jar /app/casework.jar

USER casework
EXPOSE 8080

# No curl/wget needed: bash's /dev/tcp asks the public health endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -qE '\"status\":\"(UP|WARNING)\"' <&3"]

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Tokyo"
ENTRYPOINT ["java", "-jar", "/app/casework.jar"]
