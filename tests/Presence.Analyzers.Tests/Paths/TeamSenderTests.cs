using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// Who an email or SMS reaches is who it names as recipients (Twilio's <c>to</c>, SendGrid's <c>to</c>/<c>tos</c>/
/// <c>AddTo</c>, MimeKit's <c>To</c>/<c>Cc</c>/<c>Bcc</c>, <c>SmtpClient.Send</c>'s <c>recipients</c>): the team's
/// [InternalAudience] number or mailbox as the sender, or in the text, does not make a send to a customer the team's.
/// The team as the recipient is quiet whoever sends.
/// </summary>
public class TeamSenderTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MimeKit;
        using Presence;
        using SendGrid;
        using SendGrid.Helpers.Mail;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        public sealed class OpsOptions
        {
            [InternalAudience("the ops line")] public string Phone { get; set; } = "";
            [InternalAudience("the ops mailbox")] public string Email { get; set; } = "";
            [InternalAudience("the on-call engineers' phones")] public List<string> TeamPhones { get; set; } = new();
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

    [Fact]
    public Task A_twilio_text_from_the_team_s_number_to_a_customer_is_reported()
        => Check("""
            public sealed class Texts(OpsOptions ops)
            {
                public Task FromTeam(string customer) => {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(customer), from: ops.Phone, body: "a")|};
                public Task FromTeamText(string customer) => {|PRES001:MessageResource.CreateAsync(to: customer, from: ops.Phone, body: "b")|};
                public Task FromParameter(string customer, [InternalAudience("the ops line")] string line)
                    => {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(customer), from: line, body: "c")|};

                public Task Options(string customer)
                    => {|PRES001:MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(customer)) { From = ops.Phone, Body = "d" })|};

                public async Task TeamInTheText(string subscriber)
                {
                    foreach (var n in ops.TeamPhones)
                    {
                        await {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(subscriber), from: new PhoneNumber("+15550100"), body: n)|};
                    }
                }

                // The team as the recipient: quiet whoever sends.
                public Task ToTeam() => MessageResource.CreateAsync(to: ops.Phone, from: "+15550100", body: "e");
                public Task ToTeamFromTeam() => MessageResource.CreateAsync(to: new PhoneNumber(ops.Phone), from: ops.Phone, body: "f");
                public Task ToTeamByOptions() => MessageResource.CreateAsync(new CreateMessageOptions(ops.Phone) { From = ops.Phone, Body = "g" });
            }
            """);

    [Fact]
    public Task A_mail_from_the_team_s_mailbox_to_a_customer_is_reported()
        => Check("""
            public sealed class Mails(OpsOptions ops, ISendGridClient sg)
            {
                public Task SendGridFromTeam(string customer)
                    => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress(ops.Email), new EmailAddress(customer), "Hi", "t", "h"))|};

                public Task SendGridFromMarked(string customer, [InternalAudience("the ops mailbox")] EmailAddress team)
                    => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmail(team, new EmailAddress(customer), "Hi", "t", "h"))|};

                public async Task SendGridMessage(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress(ops.Email), Subject = "Hi" };
                    msg.AddTo(customer);
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task MimeKitFromTeam(string customer)
                {
                    var m = new MimeMessage();
                    m.From.Add(MailboxAddress.Parse(ops.Email));
                    m.To.Add(MailboxAddress.Parse(customer));
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(m)|};
                }

                public async Task MimeKitSender(MimeMessage message, string customer)
                {
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(message, MailboxAddress.Parse(ops.Email), new[] { MailboxAddress.Parse(customer) })|};
                }

                public void SystemNetMail(string customer)
                {
                    using var smtp = new System.Net.Mail.SmtpClient("localhost");
                    {|PRES001:smtp.Send(ops.Email, customer, "Hi", "t")|};
                }

                public void SystemNetMailMessage(string customer)
                {
                    using var smtp = new System.Net.Mail.SmtpClient("localhost");
                    {|PRES001:smtp.Send(new System.Net.Mail.MailMessage(ops.Email, customer, "Hi", "t"))|};
                }

                // The team as the recipient: quiet whoever sends.
                public Task SendGridToTeam(string sender)
                    => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress(sender), new EmailAddress(ops.Email), "[ops]", "t", "h"));

                public Task SendGridTeamToTeam()
                    => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress(ops.Email), new EmailAddress(ops.Email), "[ops]", "t", "h"));

                public async Task MimeKitToTeam()
                {
                    var m = new MimeMessage();
                    m.From.Add(MailboxAddress.Parse(ops.Email));
                    m.To.Add(MailboxAddress.Parse(ops.Email));
                    using var c = new SmtpClient();
                    await c.SendAsync(m);
                }

                public void SystemNetMailToTeam()
                {
                    using var smtp = new System.Net.Mail.SmtpClient("localhost");
                    smtp.Send("bot@acme.test", ops.Email, "[ops]", "t");
                }
            }
            """);
}
