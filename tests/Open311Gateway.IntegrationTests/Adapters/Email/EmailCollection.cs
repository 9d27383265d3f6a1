using Open311Gateway.IntegrationTests.Infrastructure.Email;

namespace Open311Gateway.IntegrationTests.Adapters.Email;

/// <summary>
/// The e-mail tests that leave the SMTP server and the worker running share one bed (API, database, broker virtual
/// host, worker, SMTP server); they run one after another, each on reports of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmailCollection : ICollectionFixture<EmailDeliveryTestBed>
{
    public const string Name = "E-mail delivery";
}
