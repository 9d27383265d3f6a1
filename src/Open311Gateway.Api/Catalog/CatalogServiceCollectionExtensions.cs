using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Open311Gateway.Api.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Registers <see cref="CatalogImporter"/> (scoped); needs <c>AddGatewayData</c> for the database.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CatalogImporter>();
        return services;
    }
}
