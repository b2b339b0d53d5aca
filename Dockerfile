# ai-digest in a container: `docker compose up` runs it with PostgreSQL (docker-compose.yml).
# Build stage: the shaded jar, tests skipped (run them with `mvn -B verify` outside).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY config config
COPY bots bots
COPY src src
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, the CJK font for the daily word cloud, an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/ai-digest aidigest
COPY --from=build /src/target/ai-digest.jar /opt/ai-digest/ai-digest.jar
COPY config /etc/ai-digest
USER aidigest
WORKDIR /var/lib/ai-digest
# serve within a 256 MB heap; more with -e JAVA_TOOL_OPTIONS=-Xmx384m
ENV JAVA_OPTS="-Xmx256m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8" \
    DJL_CACHE_DIR=/var/lib/ai-digest/.djl.ai \
    AIDIGEST_HTTP_PORT=8080
VOLUME /var/lib/ai-digest
EXPOSE 8080
# exec form through sh so JAVA_OPTS is split; exec hands SIGTERM to the JVM
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/ai-digest/ai-digest.jar --config /etc/ai-digest --data /var/lib/ai-digest \"$@\"", "ai-digest"]
CMD ["serve"]
