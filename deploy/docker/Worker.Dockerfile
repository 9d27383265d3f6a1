# The adapter worker: needs RabbitMQ and its back offices only, no database.
# Build from the repository root:
#   docker build -f deploy/docker/Worker.Dockerfile .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files and the solution-wide props only, so the package
# layer is cached until a dependency or version changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Open311Gateway.Contracts/Open311Gateway.Contracts.csproj src/Open311Gateway.Contracts/
COPY src/Open311Gateway.ServiceDefaults/Open311Gateway.ServiceDefaults.csproj src/Open311Gateway.ServiceDefaults/
COPY src/Open311Gateway.Worker/Open311Gateway.Worker.csproj src/Open311Gateway.Worker/
RUN dotnet restore src/Open311Gateway.Worker/Open311Gateway.Worker.csproj

COPY src/Open311Gateway.Contracts/ src/Open311Gateway.Contracts/
COPY src/Open311Gateway.ServiceDefaults/ src/Open311Gateway.ServiceDefaults/
COPY src/Open311Gateway.Worker/ src/Open311Gateway.Worker/
RUN dotnet publish src/Open311Gateway.Worker/Open311Gateway.Worker.csproj \
      --configuration Release --no-restore --output /app/publish

# The ASP.NET Core runtime: the management port (/metrics, /health/live, /health/ready on 9465) is a small Kestrel server.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app/publish ./
EXPOSE 9465
USER $APP_UID
ENTRYPOINT ["dotnet", "Open311Gateway.Worker.dll"]
