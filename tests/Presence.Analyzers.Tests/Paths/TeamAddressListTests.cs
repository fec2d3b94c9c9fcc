using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A list of the team's addresses marked [InternalAudience] (a setting, a parameter) reaches the team when each address
/// of it becomes the SDK's address type (<c>Select(a =&gt; new EmailAddress(a))</c>, <c>Select(MailboxAddress.Parse)</c>,
/// a loop that adds or texts each one), as a single marked address does. An unmarked list, the team's list joined
/// with another, or a loop over the team that sends to someone else stays a send to an audience.
/// </summary>
public class TeamAddressListTests
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
            [InternalAudience("the on-call engineers' mailboxes")] public List<string> TeamEmails { get; set; } = new();
            [InternalAudience("the on-call engineers' phones")] public string[] TeamPhones { get; set; } = [];
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

    [Fact]
    public Task A_sendgrid_mail_to_each_address_of_the_team_list_reaches_the_team()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                public Task Selected()
                    => sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), "[ops]", "t", "h"));

                public Task Named()
                    => sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), ops.TeamEmails.Select(a => new EmailAddress(a, "On call")).ToList(), "[ops]", "t", "h"));

                public async Task Looped()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    foreach (var a in ops.TeamEmails) msg.AddTo(new EmailAddress(a));
                    await sg.SendEmailAsync(msg);
                }

                public async Task AddedAsAList()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.AddTos(ops.TeamEmails.Select(a => new EmailAddress(a)).ToList());
                    await sg.SendEmailAsync(msg);
                }

                public async Task ListBuilt()
                {
                    var tos = new List<EmailAddress>();
                    tos.AddRange(ops.TeamEmails.Select(a => new EmailAddress(a)));
                    await sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), tos, "[ops]", "t", "h"));
                }

                public async Task ListFilledInALoop()
                {
                    var tos = new List<EmailAddress>();
                    foreach (var a in ops.TeamEmails) tos.Add(new EmailAddress(a));
                    await sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), tos, "[ops]", "t", "h"));
                }

                public Task ToParameter([InternalAudience("the reviewers")] IEnumerable<string> reviewers)
                    => sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), reviewers.Select(r => new EmailAddress(r)).ToList(), "[ops]", "t", "h"));

                // Look-alikes: the subscribers, the team joined with the subscribers, a list given someone else too,
                // a loop over the team that adds someone else.
                public Task Subscribers()
                    => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), ops.Subscribers.Select(a => new EmailAddress(a)).ToList(), "News", "t", "h"))|};

                public Task Joined()
                    => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), ops.TeamEmails.Concat(ops.Subscribers).Select(a => new EmailAddress(a)).ToList(), "News", "t", "h"))|};

                public Task United()
                    => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), ops.TeamEmails.Union(ops.Subscribers).Select(a => new EmailAddress(a)).ToList(), "News", "t", "h"))|};

                public async Task ListWithAnother(string customer)
                {
                    var tos = new List<EmailAddress>();
                    tos.AddRange(ops.TeamEmails.Select(a => new EmailAddress(a)));
                    tos.Add(new EmailAddress(customer));
                    await {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), tos, "News", "t", "h"))|};
                }

                public async Task LoopAddsSomeoneElse(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    foreach (var a in ops.TeamEmails) msg.AddTo(new EmailAddress(customer));
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public Task NotTheAddress()
                    => {|PRES001:sg.SendEmailAsync(MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("bot@acme.test"), ops.TeamEmails.Select(a => new EmailAddress(ops.Subscribers[0], a)).ToList(), "News", "t", "h"))|};
            }
            """);

    [Fact]
    public Task A_mimekit_mail_to_the_team_list_parsed_reaches_the_team()
        => Check("""
            public sealed class OpsMail(OpsOptions ops)
            {
                public async Task Parsed()
                {
                    var m = new MimeMessage();
                    m.From.Add(MailboxAddress.Parse("bot@acme.test"));
                    m.To.AddRange(ops.TeamEmails.Select(MailboxAddress.Parse));
                    m.Subject = "[ops] alert";
                    using var c = new SmtpClient();
                    await c.SendAsync(m);
                }

                public async Task Lambda()
                {
                    var m = new MimeMessage();
                    m.Bcc.AddRange(ops.TeamEmails.Select(a => new MailboxAddress("On call", a)));
                    using var c = new SmtpClient();
                    await c.SendAsync(m);
                }

                public async Task Constructed()
                {
                    var m = new MimeMessage(new[] { MailboxAddress.Parse("bot@acme.test") }, ops.TeamEmails.Select(MailboxAddress.Parse), "[ops] alert", new TextPart("plain") { Text = "x" });
                    using var c = new SmtpClient();
                    await c.SendAsync(m);
                }

                // Look-alikes: the subscribers, the team joined with the subscribers.
                public async Task Subscribers()
                {
                    var m = new MimeMessage();
                    m.To.AddRange(ops.Subscribers.Select(MailboxAddress.Parse));
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(m)|};
                }

                public async Task Joined()
                {
                    var m = new MimeMessage();
                    m.To.AddRange(ops.TeamEmails.Concat(ops.Subscribers).Select(MailboxAddress.Parse));
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(m)|};
                }

                public async Task TeamAndSubscribers()
                {
                    var m = new MimeMessage();
                    m.To.AddRange(ops.TeamEmails.Select(MailboxAddress.Parse));
                    m.Bcc.AddRange(ops.Subscribers.Select(MailboxAddress.Parse));
                    using var c = new SmtpClient();
                    await {|PRES001:c.SendAsync(m)|};
                }
            }
            """);

    [Fact]
    public Task A_twilio_text_to_each_team_phone_reaches_the_team()
        => Check("""
            public sealed class Pager(OpsOptions ops)
            {
                public async Task PageAll()
                {
                    foreach (var n in ops.TeamPhones)
                    {
                        await MessageResource.CreateAsync(to: new PhoneNumber(n), from: new PhoneNumber("+15550100"), body: "a");
                    }
                }

                public async Task PageSelected()
                {
                    foreach (var to in ops.TeamPhones.Select(n => new PhoneNumber(n)))
                    {
                        await MessageResource.CreateAsync(to: to, from: new PhoneNumber("+15550100"), body: "b");
                    }
                }

                // Look-alikes: the loop over the team texts a subscriber; the loop is over the subscribers.
                public async Task SendsElsewhere(string subscriber)
                {
                    foreach (var n in ops.TeamPhones)
                    {
                        await {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(subscriber), from: new PhoneNumber("+15550100"), body: "on call")|};
                    }
                }

                public async Task Everyone()
                {
                    foreach (var n in ops.Subscribers)
                    {
                        await {|PRES001:MessageResource.CreateAsync(to: new PhoneNumber(n), from: new PhoneNumber("+15550100"), body: "c")|};
                    }
                }
            }
            """);
}
