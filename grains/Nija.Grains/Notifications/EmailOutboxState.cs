using Nija.GrainInterfaces.Notifications;

namespace Nija.Grains.Notifications;

public sealed class EmailOutboxState
{
    public List<EmailMessage> Messages { get; set; } = [];
}
