# syntax=docker/dockerfile:1
#
# One image recipe for every coinfer service (and the CLI for the compose `sim` profile).
# It packages the executable Spring Boot jar that `./mvnw -B -DskipTests package` built on the host,
# split into Spring Boot's layers so that a code change rebuilds only the small
# `application` layer, not the dependencies (DJL, PyTorch natives, Spring).
#
#   ./mvnw -B -DskipTests package
#   docker build --build-arg MODULE=ue-gateway -t coinfer/ue-gateway .
#
# MODULE is the Maven module: ue-gateway, orchestrator-service, compression-service,
# inference-service or coinfer-cli. The image runs as a non-root user and needs no
# writable path except /tmp (Kubernetes mounts an emptyDir there; the root filesystem
# can be read-only).

ARG JAVA_IMAGE=eclipse-temurin:17-jre-noble

FROM ${JAVA_IMAGE} AS layers
ARG MODULE
WORKDIR /build
# The module's executable Spring Boot jar: <module>.jar or <module>-<version>-exec.jar (a module
# that keeps its plain jar as the main artifact); the one jar that Boot's tools jarmode accepts.
COPY ${MODULE}/target/*.jar jars/
RUN set -eu; test -n "${MODULE}"; found=""; \
    for f in jars/*.jar; do \
      if java -Djarmode=tools -jar "$f" list-layers > /dev/null 2>&1; then \
        test -z "$found" || { echo "more than one Spring Boot jar in ${MODULE}/target" >&2; exit 1; }; \
        found="$f"; \
      fi; \
    done; \
    test -n "$found" || { echo "no Spring Boot jar in ${MODULE}/target: run ./mvnw package" >&2; exit 1; }; \
    java -Djarmode=tools -jar "$found" extract --layers --destination extracted --application-filename application.jar

FROM ${JAVA_IMAGE}
ARG MODULE
LABEL org.opencontainers.image.title="coinfer ${MODULE}"
# curl only for the compose healthchecks; Kubernetes probes do not need it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 coinfer \
 && useradd --system --uid 10001 --gid coinfer --home-dir /tmp --shell /usr/sbin/nologin coinfer \
 && install -d -o 10001 -g 10001 /tmp/coinfer /tmp/djl
WORKDIR /application
# Least to most often changed, one layer each.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# DJL extracts the PyTorch natives it finds on the class path into its cache; models and
# codecs trained or downloaded at run time are cached under COINFER_HOME. Both live under
# /tmp so that the root filesystem may be read-only (mount a volume there to keep them).
ENV HOME=/tmp \
    DJL_OFFLINE=true \
    DJL_CACHE_DIR=/tmp/djl \
    ENGINE_CACHE_DIR=/tmp/djl \
    COINFER_HOME=/tmp/coinfer \
    OMP_NUM_THREADS=1 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
USER 10001:10001
ENTRYPOINT ["java", "-jar", "application.jar"]
