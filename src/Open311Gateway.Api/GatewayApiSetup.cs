using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.AdminKeys;
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
using Open311Gateway.Api.Hosts;
using Open311Gateway.Api.Http;
using Open311Gateway.Api.Idempotency;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Moderation;
using Open311Gateway.Api.Observability;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.OpenData.Catalog;
using Open311Gateway.Api.OpenData.Exports;
using Open311Gateway.Api.Operator;
using Open311Gateway.Api.Photos;
using Open311Gateway.Api.Privacy;
using Open311Gateway.Api.RateLimiting;
using Open311Gateway.Api.Submissions;
using Open311Gateway.ServiceDefaults;

namespace Open311Gateway.Api;

/// <summary>What the API host consists of, and the order its middleware runs in.</summary>
public static class GatewayApiSetup
{
    public static WebApplicationBuilder AddGatewayApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Logs, OpenTelemetry, the management port (/metrics on 9464; health stays on the main port, below).
        builder.AddGatewayServiceDefaults("open311-gateway-api", defaultManagementPort: 9464, healthOnManagementPort: false);
        services.AddSingleton<ReportMetrics>();
        services.AddSingleton<OutboxGauges>();
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section);
        var open311 = builder.Configuration.GetSection(Open311Options.Section).Get<Open311Options>() ?? new Open311Options();

        services.AddGatewayData(builder.Configuration);
        services.AddCatalog();
        services.AddGatewayCaching();
        services.AddPhotos();
        services.AddOpenDataCatalog();
        services.AddDeliveries(builder.Configuration);
        services.AddPrivacy(builder.Configuration);
        services.AddIdempotency();
        services.AddGatewayHealthChecks();
        services.AddOperatorPage(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddHostTrust();
        services.AddGatewayRateLimits();
        services.AddScoped<JurisdictionResolver>();
        services.AddScoped<BoundaryLookup>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ClientSubmissionReader>();
        services.AddScoped<RequestIntake>();
        services.AddOptions<RequestListingOptions>().BindConfiguration(RequestListingOptions.Section);
        services.AddScoped<RequestListing>();
        services.AddScoped<ChangeLogPruner>();
        services.AddScoped<ExportReports>();
        services.AddScoped<ExportAnswer>();
        services.AddScoped<ReportPhotoIntake>();
        services.AddScoped<ReportModeration>();
        services.AddScoped<JurisdictionRouter>();
        services.AddScoped<NewReportLookup>();
        services.AddScoped<BackOfficeKeyService>();
        services.AddScoped<AdminKeyService>();
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
        app.UseTrustedForwardedHeaders();
        app.UseHeadAsGet();
        app.UseExceptionHandler(_ => { });
        app.UseStatusCodePages(StatusCodeErrorBodies.WriteAsync);
        // The suffix must be stripped before routing looks at the path, so routing is placed explicitly after it.
        app.UseMiddleware<Open311FormatMiddleware>();
        // Before anything reads Request.Query: invalid percent-encoded UTF-8 is refused, not read as text (ADR 18).
        app.UseMiddleware<StrictQueryMiddleware>();
        app.UseRouting();
        // After the format middleware (a 429 answers in the client's format) and before any endpoint reads a body.
        app.UseRateLimiter();
        app.MapControllers();
        app.MapOpenApiDocument();
        app.MapPhotos();
        app.MapOpenDataCatalog();
        app.MapOpenDataExports();
        app.MapGatewayHealthChecks();
        // Observable gauges exist once their owner does; nothing else asks for it.
        app.Services.GetRequiredService<OutboxGauges>();
        app.MapOperatorPage();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", false))
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Database.Migrate();
        }
        return app;
    }
}
