using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Notifications;

/// <summary>The embedded default's e-mail outbox (key "outbox"): the newest messages, for admins to read.</summary>
public interface IEmailOutboxGrain : IGrainWithStringKey
{
    Task Add(EmailMessage message);

    [ReadOnly]
    Task<ImmutableArray<EmailMessage>> List(string? to, int take);
}

/// <summary>An e-mail as sent.</summary>
public sealed record EmailMessage(string To, string Subject, string Body, DateTimeOffset At);
