using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>What Redmine's HTTP answers mean for a delivery.</summary>
public static class RedmineAnswer
{
    public const int MaxDetailLength = 500;

    /// <summary>
    /// A write Redmine refused for good: 422 (validation, with Redmine's errors: a blank subject, a category the project
    /// lacks, a project the key's user cannot add issues to), 400 (a body it cannot read), 413 (too large). Everything
    /// else that is not a success may work later: 401/403 (a key an operator fixes), 404 (a base URL an operator fixes),
    /// 408/429, 5xx, and 3xx (redirects are not followed).
    /// </summary>
    public static bool IsRefusal(HttpAnswer answer) => answer.Status is 400 or 413 or 422;

    /// <summary>The result of a write that did not succeed.</summary>
    public static AdapterResult NotWritten(HttpAnswer answer, string what) =>
        new(IsRefusal(answer) ? DeliveryOutcome.Rejected : DeliveryOutcome.Failed, answer.Status, Detail: Detail(answer, what));

    /// <exception cref="RedmineStatusException">The answer is not a success.</exception>
    public static string BodyOf(HttpAnswer answer, string what) =>
        answer.IsSuccess ? answer.Body : throw new RedmineStatusException(answer.Status, Detail(answer, what));

    public static string Detail(HttpAnswer answer, string what)
    {
        var reason = RedmineJson.Errors(answer.Body) ?? answer.Body.Trim();
        return Truncate(reason.Length == 0 ? $"Redmine answered {what} with HTTP {answer.Status}" : $"Redmine answered {what} with HTTP {answer.Status}: {reason}");
    }

    public static string Truncate(string text) =>
        text.Length <= MaxDetailLength ? text : text[..(MaxDetailLength - 1)] + "…";
}
