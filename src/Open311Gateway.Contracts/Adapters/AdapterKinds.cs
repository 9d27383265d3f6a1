namespace Open311Gateway.Contracts.Adapters;

/// <summary>
/// The adapter kinds a worker can forward with, written once: the catalogue checks delivery blocks against
/// these, the API plans with them and each worker adapter names its own kind from here.
/// </summary>
public static class AdapterKinds
{
    public const string Webhook = "webhook";
    public const string Email = "email";
    public const string Open311 = "open311";
    public const string Redmine = "redmine";

    public static IReadOnlyList<AdapterKind> All { get; } =
    [
        new(Webhook, EndpointForm.HttpUrl, StatusFlow.Pushed, []),
        new(Email, EndpointForm.MailAddress, StatusFlow.Links,
        [
            new("language", SettingType.Choice, Choices: ["de", "en"]),
        ]),
        new(Open311, EndpointForm.HttpUrl, StatusFlow.Pulled,
        [
            // The upstream's own jurisdiction_id, where it serves several.
            new("jurisdiction_id", SettingType.Text),
            // The upstream answers GET requests with updated_after (v2.1 draft, CitySDK): poll by change, not by id.
            new("updated_after", SettingType.Boolean),
            // The upstream takes citizens' follow-ups through POST servicerequestupdates.
            new("servicerequestupdates", SettingType.Boolean),
            new("format", SettingType.Choice, Choices: ["json", "xml"]),
        ], PollsByCase: true),
        new(Redmine, EndpointForm.HttpUrl, StatusFlow.Pulled,
        [
            new("project", SettingType.Text, Required: true, PerService: true),
            new("tracker_id", SettingType.WholeNumber, PerService: true),
            new("category_id", SettingType.WholeNumber, PerService: true),
            // Custom field ids of the Redmine instance; our id's field must be "used as a filter".
            new("our_id_field", SettingType.WholeNumber, Required: true),
            new("latitude_field", SettingType.WholeNumber),
            new("longitude_field", SettingType.WholeNumber),
            // Easting and northing in the jurisdiction's crs, when it has one (catalogue key crs).
            new("easting_field", SettingType.WholeNumber),
            new("northing_field", SettingType.WholeNumber),
        ]),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(k => k.Name).ToList();

    public static AdapterKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}
