using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// An [InternalAudience] setting or parameter reaches the team through the SDK's address type built or parsed from it
/// (Twilio's <c>new PhoneNumber(x)</c>, SendGrid's <c>new EmailAddress(x)</c>, MimeKit's <c>MailboxAddress.Parse(x)</c>),
/// as the plain value does: the send is the team's when every recipient it names is. An address built from another
/// value, a wrapped team address beside other recipients, a list of recipients, or the team's number as the sender
/// stays a send to an audience.
/// </summary>
public class WrappedTeamAddressTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using Microsoft.Extensions.Hosting;
        using MimeKit;
        using Presence;
        using SendGrid;
        using SendGrid.Helpers.Mail;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        public sealed class OnCallOptions
        {
            [InternalAudience("the on-call engineer's phone")] public string PhoneNumber { get; set; } = "";
            [InternalAudience("the on-call engineer's mailbox")] public string Email { get; set; } = "";
            public string BackupPhone { get; set; } = "";
            public string Newsletter { get; set; } = "";
            public List<string> Subscribers { get; set; } = new();
        }

        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(
            Usings + code,
            [.. PathVerifier.Hosting,
             MetadataReference.CreateFromFile(typeof(SendGrid.ISendGridClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Twilio.Rest.Api.V2010.Account.MessageResource).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location)],
            "presence_email_and_sms = true",
            expected);

    // The recipients a message is given after it is made are read the same way for a reply to the requester: the
    // requester's address alone answers, a copy to someone else is a broadcast (SendGrid's AddBcc too).
    [Fact]
    public Task Recipients_added_to_a_message_are_read_for_a_reply_to_the_requester_too()
        => PathVerifier.VerifyAsync(
            "using Microsoft.AspNetCore.Builder;\n" + Usings + """
            public sealed record ForgotPassword(string Email);

            public static class Api
            {
                public static void Map(WebApplication app, OnCallOptions list, ISendGridClient sg)
                {
                    app.MapPost("/account/forgot-password", async (ForgotPassword form) =>
                    {
                        var m = new MimeMessage();
                        m.From.Add(MailboxAddress.Parse("no-reply@acme.test"));
                        m.To.Add(MailboxAddress.Parse(form.Email));
                        m.Subject = "Reset your password";
                        using var smtp = new SmtpClient();
                        await smtp.SendAsync(m);
                    });

                    app.MapPost("/account/share", async (ForgotPassword form) {|#0:=>|}
                    {
                        var message = MailHelper.CreateSingleEmail(new EmailAddress("no-reply@acme.test"), new EmailAddress(form.Email), "Hi", "t", "h");
                        message.AddBcc(list.Newsletter);
                        await sg.SendEmailAsync(message);
                    });
                }
            }
            """,
            [.. PathVerifier.AspNetCore, .. PathVerifier.Hosting.Where(r => !PathVerifier.AspNetCore.Contains(r)),
             MetadataReference.CreateFromFile(typeof(SendGrid.ISendGridClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Twilio.Rest.Api.V2010.Account.MessageResource).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location)],
            "presence_email_and_sms = true",
            PathVerifier.AnyCaller(0, "the anonymous endpoint POST /account/share in Api.Map", "anonymous endpoint POST /account/share → ISendGridClient.SendEmailAsync"));

    [Fact]
    public Task A_twilio_phone_number_built_from_the_team_setting_or_parameter_reaches_the_team()
        => Check("""
            public sealed class Pager(OnCallOptions onCall)
            {
                public Task Page() => MessageResource.CreateAsync(to: new PhoneNumber(onCall.PhoneNumber), from: new PhoneNumber("+15550100"), body: "a");
                public Task Plain() => MessageResource.CreateAsync(to: onCall.PhoneNumber, from: "+15550100", body: "b");
                public Task ToParameter([InternalAudience("the on-call engineer's phone")] string phone)
                    => MessageResource.CreateAsync(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: "c");

                public Task ThroughOptions()
                    => MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(onCall.PhoneNumber)) { From = new PhoneNumber("+15550100"), Body = "d" });

                public async Task ThroughLocals()
                {
                    var to = new PhoneNumber(onCall.PhoneNumber);
                    var options = new CreateMessageOptions(to) { From = new PhoneNumber("+15550100"), Body = "e" };
                    await MessageResource.CreateAsync(options);
                }

                // Look-alikes: a setting nobody marked, the team's number as the sender.
                public Task Backup() => {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(onCall.BackupPhone), from: new PhoneNumber("+15550100"), body: "f")|};
                public Task FromTheTeam(string customer)
                    => {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(customer), from: new PhoneNumber(onCall.PhoneNumber), body: "g")|};

                public Task SentAsTheTeam(string customer)
                    => {|PRES001:MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(customer)) { From = new PhoneNumber(onCall.PhoneNumber), Body = "h" })|};
            }

            public sealed class PagerJob(Pager pager) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                    while (await timer.WaitForNextTickAsync(ct)) await pager.Page();
                }
            }
            """);

    [Fact]
    public Task A_sendgrid_email_address_built_from_the_team_setting_reaches_the_team()
        => Check("""
            public sealed class OpsMail(OnCallOptions onCall, ISendGridClient sg)
            {
                public Task Alert() => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("ops-bot@acme.test"), new EmailAddress(onCall.Email), "[ops]", "t", "h"));
                public Task Named() => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("ops-bot@acme.test"), new EmailAddress(onCall.Email, "On call"), "[ops]", "t", "h"));

                public async Task InLocal()
                {
                    var message = MailHelper.CreateSingleEmail(new EmailAddress("ops-bot@acme.test"), new EmailAddress(onCall.Email), "[ops]", "t", "h");
                    await sg.SendEmailAsync(message);
                }

                // Look-alikes: the newsletter's address, the subscribers, the team with the subscribers in copy.
                public Task News() => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("ops-bot@acme.test"), new EmailAddress(onCall.Newsletter), "News", "t", "h"))|};
                public Task Everyone() => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("ops-bot@acme.test"), onCall.Subscribers.Select(s => new EmailAddress(s)).ToList(), "News", "t", "h"))|};

                public async Task WithCopies()
                {
                    var message = MailHelper.CreateSingleEmail(new EmailAddress("ops-bot@acme.test"), new EmailAddress(onCall.Email), "[ops]", "t", "h");
                    foreach (var s in onCall.Subscribers) message.AddBcc(s);
                    await {|PRES001:sg.SendEmailAsync(message)|};
                }
            }
            """);

    [Fact]
    public Task A_mimekit_mailbox_parsed_from_the_team_setting_reaches_the_team()
        => Check("""
            public sealed class OpsMail(OnCallOptions onCall)
            {
                public async Task Added()
                {
                    var m = new MimeMessage();
                    m.From.Add(MailboxAddress.Parse("ops-bot@acme.test"));
                    m.To.Add(MailboxAddress.Parse(onCall.Email));
                    m.Subject = "[ops] alert";
                    m.Body = new TextPart("plain") { Text = "x" };
                    using var c = new SmtpClient();
                    await c.SendAsync(m);
                }

                public async Task Constructed()
                {
                    var m = new MimeMessage(new[] { MailboxAddress.Parse("ops-bot@acme.test") }, new[] { new MailboxAddress("On call", onCall.Email) }, "[ops] alert", new TextPart("plain") { Text = "x" });
                    using var c = new SmtpClient();
                    await c.SendAsync(m);
                }

                // Look-alikes: the subscribers added in a loop beside the team, the newsletter with the team, a helper that adds.
                public async Task Loop()
                {
                    var m = new MimeMessage();
                    m.To.Add(MailboxAddress.Parse(onCall.Email));
                    foreach (var s in onCall.Subscribers) m.Bcc.Add(MailboxAddress.Parse(s));
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(m)|};
                }

                public async Task Both()
                {
                    var m = new MimeMessage(new[] { MailboxAddress.Parse("ops-bot@acme.test") }, new[] { MailboxAddress.Parse(onCall.Email), MailboxAddress.Parse(onCall.Newsletter) }, "[ops] alert", new TextPart("plain") { Text = "x" });
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(m)|};
                }

                public async Task Elsewhere()
                {
                    var m = new MimeMessage();
                    m.To.Add(MailboxAddress.Parse(onCall.Email));
                    m.To.AddRange(onCall.Subscribers.Select(MailboxAddress.Parse));
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(m)|};
                }
            }
            """);
}
