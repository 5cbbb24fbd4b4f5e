namespace Nija.GrainInterfaces.Brokers;

/// <summary>A stored broker credential as any call may show it: never the key or the secret, only the key's last four characters.</summary>
public sealed record BrokerCredentialInfo(string Id, string Broker, string KeyHint, DateTimeOffset AddedAt);
