namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

public sealed record BrokerAddress(string Host, int Port, string VirtualHost);
