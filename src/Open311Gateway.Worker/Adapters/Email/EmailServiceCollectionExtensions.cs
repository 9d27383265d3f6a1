using Microsoft.Extensions.Options;

namespace Open311Gateway.Worker.Adapters.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmailAdapter(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            // EmailOptionsValidation checks the settings only when Smtp:Host is set.
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddSingleton<SmtpSender>();
        services.AddTransient<IBackOfficeAdapter, EmailAdapter>();
        return services;
    }
}
