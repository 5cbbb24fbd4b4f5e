namespace Nija.Api.Email;

/// <summary>Sends e-mail. The embedded default puts messages in an outbox that admins read; a cluster plugs in SMTP or a provider.</summary>
internal interface IEmailSender
{
    Task SendAsync(string to, string subject, string body);
}
