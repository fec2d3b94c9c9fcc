using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A worker that delivers queued mail reads each recipient from stored data: a queue of transactional mails and one
/// of newsletter mails written one per subscriber look the same to the code, so both stay PRES002, and a reviewed
/// <c>[AutomatedPresence]</c> on the outbox worker is the way to say the queue holds only requested mails.
/// </summary>
public class MailOutboxTests
{
    [Fact]
    public Task A_mail_outbox_worker_is_reported_like_a_newsletter_worker_unless_declared()
        => PathVerifier.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using MimeKit;
            using Presence;

            public sealed record OutboxMail(string To, string Subject, string Body);
            public sealed class Outbox { public Task<List<OutboxMail>> TakeAsync() => Task.FromResult(new List<OutboxMail>()); }

            public sealed class EmailService
            {
                public async Task SendAsync(string to, string subject, string body)
                {
                    var msg = new MimeMessage(new[] { new MailboxAddress("Acme", "noreply@acme.example") }, new[] { new MailboxAddress(to, to) }, subject, new TextPart("html") { Text = body });
                    using var smtp = new MailKit.Net.Smtp.SmtpClient();
                    await {|PRES001:smtp.SendAsync(msg)|};
                }
            }

            public sealed class OutboxDispatcher(Outbox outbox, EmailService email) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken ct)
                {
                    foreach (var m in await outbox.TakeAsync()) await email.SendAsync(m.To, m.Subject, m.Body);
                }
            }

            public sealed class NewsletterWorker(IReadOnlyList<string> subscribers, EmailService email) : BackgroundService
            {
                protected override async Task {|#1:ExecuteAsync|}(CancellationToken ct)
                {
                    foreach (var s in subscribers) await email.SendAsync(s, "News", "This week at Acme");
                }
            }

            public sealed class ResetLinkOutbox(Outbox outbox, EmailService email) : BackgroundService
            {
                [AutomatedPresence("outbox: each mail was requested by its recipient")]
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    foreach (var m in await outbox.TakeAsync()) await email.SendAsync(m.To, m.Subject, m.Body);
                }
            }
            """,
            [.. PathVerifier.Hosting,
             MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location)],
            "presence_email_and_sms = true",
            PathVerifier.Unattended(0, "OutboxDispatcher.ExecuteAsync (a hosted service)", "OutboxDispatcher.ExecuteAsync → EmailService.SendAsync → MailTransport.SendAsync"),
            PathVerifier.Unattended(1, "NewsletterWorker.ExecuteAsync (a hosted service)", "NewsletterWorker.ExecuteAsync → EmailService.SendAsync → MailTransport.SendAsync"));
}
