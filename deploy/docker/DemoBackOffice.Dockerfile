# The demo back office: shows what the webhook adapter delivers and sends status back. Demos only.
# Build from the repository root:
#   docker build -f deploy/docker/DemoBackOffice.Dockerfile .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files and the solution-wide props only, so the package
# layer is cached until a dependency or version changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Open311Gateway.DemoBackOffice/Open311Gateway.DemoBackOffice.csproj src/Open311Gateway.DemoBackOffice/
RUN dotnet restore src/Open311Gateway.DemoBackOffice/Open311Gateway.DemoBackOffice.csproj

COPY src/Open311Gateway.DemoBackOffice/ src/Open311Gateway.DemoBackOffice/
# The one shared source file the project compiles in (its secret files, as API and worker read them).
COPY src/Open311Gateway.ServiceDefaults/Configuration/SecretFiles.cs src/Open311Gateway.ServiceDefaults/Configuration/
RUN dotnet publish src/Open311Gateway.DemoBackOffice/Open311Gateway.DemoBackOffice.csproj \
      --configuration Release --no-restore --output /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app/publish ./
USER $APP_UID
ENTRYPOINT ["dotnet", "Open311Gateway.DemoBackOffice.dll"]
