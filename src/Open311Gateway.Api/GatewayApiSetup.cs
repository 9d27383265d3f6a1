using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Deliveries;
using Open311Gateway.Api.Errors;
using Open311Gateway.Api.Features.OpenApi;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.Api.Features.Updates;
using Open311Gateway.Api.Health;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Moderation;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Photos;
using Open311Gateway.Api.Privacy;
using Open311Gateway.Api.RateLimiting;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api;

/// <summary>What the API host consists of, and the order its middleware runs in.</summary>
public static class GatewayApiSetup
{
    public static WebApplicationBuilder AddGatewayApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section);
        var open311 = builder.Configuration.GetSection(Open311Options.Section).Get<Open311Options>() ?? new Open311Options();

        services.AddGatewayData(builder.Configuration);
        services.AddCatalog();
        services.AddGatewayCaching();
        services.AddPhotos();
        services.AddDeliveries(builder.Configuration);
        services.AddPrivacy(builder.Configuration);
        services.AddGatewayHealthChecks();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RecentRateLimitRejections>();
        services.AddScoped<JurisdictionResolver>();
        services.AddScoped<BoundaryLookup>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ClientSubmissionReader>();
        services.AddScoped<DuplicateHints>();
        services.AddScoped<RequestIntake>();
        services.AddOptions<RequestListingOptions>().BindConfiguration(RequestListingOptions.Section);
        services.AddScoped<RequestListing>();
        services.AddScoped<ChangeLogPruner>();
        services.AddScoped<ReportPhotoIntake>();
        services.AddScoped<ReportModeration>();
        services.AddScoped<JurisdictionRouter>();
        services.AddScoped<GridPosition>();
        services.AddScoped<BackOfficeKeyService>();
        services.AddScoped<RequestUpdateStore>();
        services.AddScoped<BackOfficeStatusIntake>();
        services.AddExceptionHandler<Open311ExceptionHandler>();
        services.AddControllers(mvc =>
            {
                mvc.Conventions.Add(new Open311RoutePrefixConvention(open311.BasePath));
                // MVC would read a form body eagerly, past our size limit; POST bodies are read by SubmittedFieldsReader.
                mvc.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                mvc.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
                mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            })
            .AddNewtonsoftJson();
        return builder;
    }

    public static WebApplication UseGatewayApi(this WebApplication app)
    {
        // Every answer, errors included: a browser must never guess a type other than the one we send.
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseExceptionHandler(_ => { });
        app.UseStatusCodePages(StatusCodeErrorBodies.WriteAsync);
        // The suffix must be stripped before routing looks at the path, so routing is placed explicitly after it.
        app.UseMiddleware<Open311FormatMiddleware>();
        app.UseRouting();
        app.MapControllers();
        app.MapOpenApiDocument();
        app.MapPhotos();
        app.MapGatewayHealthChecks();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", false))
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Database.Migrate();
        }
        return app;
    }
}
