namespace Nija.Grains.Brokers;

/// <summary>An exchange refused or failed a request; carries its code and message (never the credentials).</summary>
public sealed class ExchangeException : Exception
{
    public ExchangeException(string exchange, string code, string message) : base($"{exchange} error {code}: {message}") => (Exchange, Code) = (exchange, code);

    public ExchangeException() : this("exchange", "unknown", "failed") { }

    public ExchangeException(string message) : this("exchange", "unknown", message) { }

    public ExchangeException(string message, Exception inner) : base(message, inner) => (Exchange, Code) = ("exchange", "unknown");

    public string Exchange { get; }

    public string Code { get; }
}
