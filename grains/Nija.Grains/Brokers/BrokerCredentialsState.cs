namespace Nija.Grains.Brokers;

public sealed class BrokerCredentialsState
{
    public List<StoredCredential> Credentials { get; set; } = [];
}
