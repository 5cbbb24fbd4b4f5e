namespace Nija.Grains.Billing;

/// <summary>A Stripe API error (its type, code and message), or a failure that retries could not cure.</summary>
public sealed class StripeException : Exception
{
    public StripeException() { }

    public StripeException(string message) : base(message) { }

    public StripeException(string message, Exception inner) : base(message, inner) { }

    public StripeException(int status, string? type, string? code, string message) : base(message)
    {
        Status = status;
        Type = type;
        Code = code;
    }

    public int Status { get; }

    public string? Type { get; }

    public string? Code { get; }
}
