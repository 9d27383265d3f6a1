using Microsoft.Extensions.Options;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// Start-up check of <see cref="EmailOptions"/>, naming every problem. Only when Smtp:Host is set: a worker nobody
/// gave an SMTP server still starts, and its e-mail messages fail as "not configured".
/// </summary>
public sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
