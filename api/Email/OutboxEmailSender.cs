using Nija.GrainInterfaces.Notifications;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Email;

/// <summary>The embedded default's sender: the message lands in the outbox grain, readable at GET /api/v1/admin/outbox.</summary>
internal sealed class OutboxEmailSender(IGrainFactory grains, TimeProvider time) : IEmailSender
{
    public const string OutboxKey = "outbox";

    public Task SendAsync(string to, string subject, string body) =>
        grains.GetGrain<IEmailOutboxGrain>(OutboxKey).Add(new EmailMessage(to, subject, body, time.GetUtcNow()));
}
