namespace Open311Gateway.Contracts.Adapters;

/// <summary>One key of a delivery block's <c>settings:</c>. Never a secret: those live in the worker's configuration.</summary>
/// <param name="PerService">A service may set it in <c>delivery_settings:</c> without a route of its own.</param>
public sealed record AdapterSetting(
    string Name,
    SettingType Type,
    bool Required = false,
    bool PerService = false,
    IReadOnlyList<string>? Choices = null);
