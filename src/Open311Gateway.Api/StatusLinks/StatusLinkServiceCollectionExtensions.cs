namespace Open311Gateway.Api.StatusLinks;

public static class StatusLinkServiceCollectionExtensions
{
    public static IServiceCollection AddStatusLinks(this IServiceCollection services)
    {
        services.AddOptions<StatusLinkOptions>()
            .BindConfiguration(StatusLinkOptions.Section)
            .Validate(o => o.Keys.All(k => k.Id.Length is > 0 and <= 32 && k.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')),
                "StatusLinks:Keys: every key needs an Id of 1 to 32 letters, digits or '-'.")
            .Validate(o => o.Keys.All(k => k.Secret.Length >= 32), "StatusLinks:Keys: every Secret needs at least 32 characters.")
            .Validate(o => o.Keys.Select(k => k.Id).Distinct().Count() == o.Keys.Count, "StatusLinks:Keys: key ids must be unique.")
            .Validate(o => o.Keys.Count == 0 || o.Keys[0].AcceptUntil is null,
                "StatusLinks:Keys: the first key signs new links and must not have an AcceptUntil; put the new key first.")
            .Validate(o => o.BaseUrl is null || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "StatusLinks:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.ValidityDays > 0, "StatusLinks:ValidityDays must be positive.")
            .ValidateOnStart();
        services.AddSingleton<StatusLinkSigner>();
        services.AddSingleton<StatusLinkMinter>();
        return services;
    }
}
