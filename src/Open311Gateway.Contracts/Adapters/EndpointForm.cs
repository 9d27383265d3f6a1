namespace Open311Gateway.Contracts.Adapters;

public enum EndpointForm
{
    /// <summary>An absolute http(s) URL without credentials.</summary>
    HttpUrl,
    /// <summary>An e-mail address, optionally written as <c>mailto:</c>.</summary>
    MailAddress,
}
