# The adapter worker: needs RabbitMQ and its back offices only, no database.
# Build from the repository root:
#   docker build -f deploy/docker/Worker.Dockerfile .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files and the solution-wide props only, so the package
# layer is cached until a dependency or version changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Open311Gateway.Contracts/Open311Gateway.Contracts.csproj src/Open311Gateway.Contracts/
COPY src/Open311Gateway.Worker/Open311Gateway.Worker.csproj src/Open311Gateway.Worker/
RUN dotnet restore src/Open311Gateway.Worker/Open311Gateway.Worker.csproj

COPY src/Open311Gateway.Contracts/ src/Open311Gateway.Contracts/
COPY src/Open311Gateway.Worker/ src/Open311Gateway.Worker/
RUN dotnet publish src/Open311Gateway.Worker/Open311Gateway.Worker.csproj \
      --configuration Release --no-restore --output /app/publish

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app/publish ./
USER $APP_UID
ENTRYPOINT ["dotnet", "Open311Gateway.Worker.dll"]
