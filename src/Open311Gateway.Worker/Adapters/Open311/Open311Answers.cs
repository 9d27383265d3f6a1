using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>What an upstream's HTTP answer means for a delivery.</summary>
public static class Open311Answers
{
    public const int MaxDetailLength = 500;

    /// <summary>
    /// A non-2xx answer: a 4xx is the upstream's "never" (Rejected, with its own description), except 401/403 (our key is
    /// wrong: an operator fixes the configuration), 408 and 429 ("not now"); those, 5xx and 3xx (not followed: a POST
    /// would turn into a GET, and a redirect could lead past the destination check) are Failed and tried again.
    /// </summary>
    public static AdapterResult Refused(HttpAnswer answer) => answer.Status switch
    {
        401 or 403 or 408 or 429 => new(DeliveryOutcome.Failed, answer.Status, Detail: Detail(answer)),
        >= 400 and < 500 => new(DeliveryOutcome.Rejected, answer.Status, Detail: Detail(answer)),
        _ => new(DeliveryOutcome.Failed, answer.Status, Detail: Detail(answer)),
    };

    /// <summary>The upstream's error descriptions when it sent readable ones, else the start of its body.</summary>
    public static string Detail(HttpAnswer answer)
    {
        var document = UpstreamDocument.Read(answer);
        var said = document.Unreadable ? answer.Body.Trim() : document.ErrorDescriptions() ?? answer.Body.Trim();
        return Truncate(said.Length == 0 ? $"HTTP {answer.Status}" : $"HTTP {answer.Status}: {said}");
    }

    public static string Truncate(string text) =>
        text.Length <= MaxDetailLength ? text : text[..(MaxDetailLength - 1)] + "…";
}
