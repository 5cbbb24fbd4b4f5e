namespace Nija.Grains.Brokers;

/// <summary>Decrypted exchange credentials, alive only for the call that needs them. Never printed.</summary>
public sealed record ExchangeCredentials(string ApiKey, string ApiSecret, string? Passphrase)
{
    public override string ToString() => "ExchangeCredentials(***)";
}
