using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Health;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: it can take reports, which needs the
/// database only: while RabbitMQ is down reports wait in the outbox, so the broker does not decide
/// readiness. <c>/health</c>: every check (database and the bus), for operators.
/// </summary>
public static class HealthEndpoints
{
    private const string DatabaseCheck = "database";

    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<GatewayDbContext>(DatabaseCheck);
        return services;
    }

    public static IEndpointRouteBuilder MapGatewayHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Name == DatabaseCheck });
        endpoints.MapHealthChecks("/health");
        return endpoints;
    }
}
