# The gateway API. Build from the repository root:
#   docker build -f deploy/docker/Api.Dockerfile .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files and the solution-wide props only, so the package
# layer is cached until a dependency or version changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Open311Gateway.Contracts/Open311Gateway.Contracts.csproj src/Open311Gateway.Contracts/
COPY src/Open311Gateway.ServiceDefaults/Open311Gateway.ServiceDefaults.csproj src/Open311Gateway.ServiceDefaults/
COPY src/Open311Gateway.Api/Open311Gateway.Api.csproj src/Open311Gateway.Api/
RUN dotnet restore src/Open311Gateway.Api/Open311Gateway.Api.csproj

COPY src/Open311Gateway.Contracts/ src/Open311Gateway.Contracts/
COPY src/Open311Gateway.ServiceDefaults/ src/Open311Gateway.ServiceDefaults/
COPY src/Open311Gateway.Api/ src/Open311Gateway.Api/
# specs/openapi.yaml is embedded into the API at build time (served at /openapi.yaml).
COPY specs/openapi.yaml specs/
RUN dotnet publish src/Open311Gateway.Api/Open311Gateway.Api.csproj \
      --configuration Release --no-restore --output /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app/publish ./
# The example catalogue that the entrypoint imports on every start.
COPY deploy/catalog/ catalog/
COPY deploy/docker/api-entrypoint.sh ./
# Uploaded photos (ADR 14): a directory the non-root user owns, so that a named volume mounted there is writable.
RUN mkdir -p /var/lib/open311/photos && chown "$APP_UID" /var/lib/open311/photos
ENV Photos__Directory=/var/lib/open311/photos
# The aspnet image listens on 8080 and brings a non-root user; run as that user.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The management port: Prometheus /metrics, not to be published (ADR 19).
EXPOSE 9464
USER $APP_UID
ENTRYPOINT ["/bin/sh", "/app/api-entrypoint.sh"]
