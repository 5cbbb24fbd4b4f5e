namespace Nija.GrainInterfaces.Brokers;

/// <summary>What became of an order sent to an exchange.</summary>
public enum SubmissionOutcome
{
    /// <summary>The exchange took it and answered.</summary>
    Accepted,

    /// <summary>The exchange answered with a refusal (bad quantity, no funds, bad key): nothing was placed.</summary>
    Refused,

    /// <summary>It never left Nija (no key stored, the exchange's circuit open or its budget used up): nothing was placed.</summary>
    NotSent,

    /// <summary>
    /// No answer (a timeout, a dropped connection, an HTTP 5xx, which Binance documents as "unknown,
    /// could have been a success"): the order may exist and is resolved later by its client order id.
    /// </summary>
    Unknown,
}
