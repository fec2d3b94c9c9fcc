using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A SendGrid message whose recipients are given through its personalizations (<c>msg.Personalizations = …</c>, the
/// same in the message's initializer, <c>msg.Personalizations.Add(…)</c>, <c>AddTos(list, personalizationIndex)</c>)
/// reaches the team when every recipient of every personalization (its <c>Tos</c>, <c>Ccs</c> and <c>Bccs</c>) is read
/// from an [InternalAudience] list or address. A personalization that copies a customer, one built from a customer list,
/// one of the team's beside a customer's, or one the code does not build there stays a send to an audience.
/// </summary>
public class TeamPersonalizationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Presence;
        using SendGrid;
        using SendGrid.Helpers.Mail;

        public sealed class OpsOptions
        {
            [InternalAudience("the on-call engineers' mailboxes")] public List<string> TeamEmails { get; set; } = new();
            [InternalAudience("the ops mailbox")] public string Email { get; set; } = "";
            public List<string> Customers { get; set; } = new();
        }

        """;

    /// <summary>Verifies <paramref name="code"/> with SendGrid, email reporting on, and an options class holding the team's addresses.</summary>
    internal static Task Check(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(
            Usings + code,
            [.. PathVerifier.Hosting,
             MetadataReference.CreateFromFile(typeof(SendGrid.ISendGridClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)],
            "presence_email_and_sms = true",
            expected);

    [Fact]
    public Task Personalizations_of_the_team_s_addresses_reach_the_team()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                public async Task Assigned([InternalAudience("the on-call engineers")] IEnumerable<string> team)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = team.Select(a => new EmailAddress(a)).ToList() } };
                    await sg.SendEmailAsync(msg);
                }

                public Task Initialized()
                    => sg.SendEmailAsync(new SendGridMessage
                    {
                        From = new EmailAddress("bot@acme.test"),
                        Subject = "[ops]",
                        Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() } },
                    });

                public async Task InitializedInALocal()
                {
                    var msg = new SendGridMessage
                    {
                        From = new EmailAddress("bot@acme.test"),
                        Personalizations =
                        [
                            new Personalization { Tos = [new EmailAddress(ops.Email)], Ccs = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() },
                            new Personalization { Tos = ops.TeamEmails.ConvertAll(a => new EmailAddress(a)), Subject = "[ops] digest" },
                        ],
                    };
                    await sg.SendEmailAsync(msg);
                }

                public async Task PersonalizationInALocal()
                {
                    var p = new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() };
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { p };
                    await sg.SendEmailAsync(msg);
                }

                public async Task AddedToTheList()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]", Personalizations = new List<Personalization>() };
                    msg.Personalizations.Add(new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() });
                    await sg.SendEmailAsync(msg);
                }

                public async Task AddedToAPersonalization(int index)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.AddTos(ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), 0);
                    msg.AddTos(ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), personalizationIndex: index);
                    msg.AddCc(new EmailAddress(ops.Email), 1);
                    await sg.SendEmailAsync(msg);
                }

                public async Task AddedWithAPersonalization()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.AddTos(ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), 0, new Personalization { Subject = "[ops] night" });
                    await sg.SendEmailAsync(msg);
                }

                // Sent from a customer's address (a reply-to form), but to the team.
                public async Task FromSomeoneElse(string sender)
                {
                    var msg = new SendGridMessage { Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { From = new EmailAddress(sender), Tos = new List<EmailAddress> { new EmailAddress(ops.Email) } } };
                    await sg.SendEmailAsync(msg);
                }
            }
            """);

    [Fact]
    public Task Personalizations_that_reach_anyone_else_are_reported()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                public async Task CopiesACustomer(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), Ccs = new List<EmailAddress> { new EmailAddress(customer) } } };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public Task BlindCopiesCustomers()
                    => {|PRES001:sg.SendEmailAsync(new SendGridMessage
                    {
                        Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), Bccs = ops.Customers.Select(a => new EmailAddress(a)).ToList() } },
                    })|};

                public async Task BuiltFromTheCustomers()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "News" };
                    msg.Personalizations = ops.Customers.Select(c => new Personalization { Tos = new List<EmailAddress> { new EmailAddress(c) } }).ToList();
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task TheTeamAndACustomer(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "News" };
                    msg.Personalizations = new List<Personalization>
                    {
                        new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() },
                        new Personalization { Tos = new List<EmailAddress> { new EmailAddress(customer) } },
                    };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task PassedIn(Personalization p)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "News" };
                    msg.Personalizations = new List<Personalization> { p };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task ListPassedIn(List<Personalization> personalizations)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "News", Personalizations = personalizations };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task LocalCopiedLater(string customer)
                {
                    var p = new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() };
                    p.Bccs = new List<EmailAddress> { new EmailAddress(customer) };
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { p };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task ACustomerAddedToTheList(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]", Personalizations = new List<Personalization>() };
                    msg.Personalizations.Add(new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() });
                    msg.Personalizations.Add(new Personalization { Tos = new List<EmailAddress> { new EmailAddress(customer) } });
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task ACustomerAddedToAnotherPersonalization(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.AddTos(ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), 0);
                    msg.AddTo(new EmailAddress(customer), 1);
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task AddedWithACustomersPersonalization(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.AddTos(ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), 0, new Personalization { Ccs = new List<EmailAddress> { new EmailAddress(customer) } });
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task AddedWithAPersonalizationPassedIn(Personalization p)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.AddTos(ops.TeamEmails.Select(a => new EmailAddress(a)).ToList(), 0, p);
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                // The team's address as the sender does not make a mail to a customer the team's.
                public async Task FromTheTeam(string customer)
                {
                    var msg = new SendGridMessage { Subject = "Hi" };
                    msg.Personalizations = new List<Personalization> { new Personalization { From = new EmailAddress(ops.Email), Tos = new List<EmailAddress> { new EmailAddress(customer) } } };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task NoRecipients()
                {
                    var msg = new SendGridMessage { Subject = "Hi", Personalizations = new List<Personalization> { new Personalization { Subject = "x" } } };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }
            }
            """);
}
