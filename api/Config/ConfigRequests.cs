namespace Nija.Api.Config;

internal sealed record AddBrokerRequest(string Broker, string ApiKey, string ApiSecret, string? Passphrase = null);
