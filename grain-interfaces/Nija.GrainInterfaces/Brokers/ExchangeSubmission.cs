namespace Nija.GrainInterfaces.Brokers;

/// <summary>
/// The result of sending an order to an exchange: an outcome rather than an exception, so that it
/// survives the trip between silos with its meaning intact. <see cref="Ack"/> is set when Accepted;
/// <see cref="Error"/> says why otherwise (the exchange's code and message, never a credential).
/// </summary>
public sealed record ExchangeSubmission(SubmissionOutcome Outcome, ExchangeOrderAck? Ack, string? Error);
