using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A SendGrid mail whose personalizations are made one per member of the team (a Select over an [InternalAudience] list
/// building a personalization for each address, a loop adding one per address) reaches the team; so does a message
/// created for one recipient whose whole personalization list is then replaced by the team's, before it is sent. The
/// same shapes over customers, a team list a customer is added to, and a replaced element or an added personalization
/// stay sends to an audience.
/// </summary>
public class TeamPersonalizationsBuiltPerMemberTests
{
    private static Task Check(string code, params DiagnosticResult[] expected) => TeamPersonalizationTests.Check(code, expected);

    [Fact]
    public Task A_personalization_for_each_member_of_the_team_reaches_the_team()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                public async Task SelectedFromAddresses([InternalAudience("the on-call engineers")] List<EmailAddress> team)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = team.Select(a => new Personalization { Tos = new List<EmailAddress> { a } }).ToList();
                    await sg.SendEmailAsync(msg);
                }

                public async Task SelectedFromText()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(a, "On call")] }).ToList();
                    await sg.SendEmailAsync(msg);
                }

                public Task SelectedInTheInitializer()
                    => sg.SendEmailAsync(new SendGridMessage
                    {
                        From = new EmailAddress("bot@acme.test"),
                        Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = new List<EmailAddress> { new EmailAddress(a) }, Subject = "[ops]" }).ToList(),
                    });

                public async Task AddedInALoop()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization>();
                    foreach (var a in ops.TeamEmails) msg.Personalizations.Add(new Personalization { Tos = new List<EmailAddress> { new EmailAddress(a) } });
                    await sg.SendEmailAsync(msg);
                }

                public async Task AddedInALoopByACollectionInitializer([InternalAudience("the on-call engineers")] List<EmailAddress> team)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]", Personalizations = new List<Personalization>() };
                    foreach (var a in team) msg.Personalizations.Add(new Personalization { Tos = { a } });
                    await sg.SendEmailAsync(msg);
                }
            }
            """);

    [Fact]
    public Task A_personalization_for_each_customer_or_beside_one_is_reported()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                public async Task SelectedFromCustomers()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "News" };
                    msg.Personalizations = ops.Customers.Select(c => new Personalization { Tos = new List<EmailAddress> { new EmailAddress(c) } }).ToList();
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task SelectedFromTheTeamCopyingACustomer(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(a)], Ccs = [new EmailAddress(customer)] }).ToList();
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task SelectedToSomeoneElse(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(customer, a)] }).ToList();
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task SelectedWithoutRecipients()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Subject = a }).ToList();
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task TeamListACustomerIsAddedTo(string customer)
                {
                    var team = ops.TeamEmails.ToList();
                    team.Add(customer);
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = team.Select(a => new Personalization { Tos = [new EmailAddress(a)] }).ToList();
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task SelectedListACustomerIsAddedTo(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(a)] }).ToList();
                    msg.Personalizations.Add(new Personalization { Tos = [new EmailAddress(customer)] });
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task AddedInALoopOverCustomers()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "News", Personalizations = new List<Personalization>() };
                    foreach (var c in ops.Customers) msg.Personalizations.Add(new Personalization { Tos = { new EmailAddress(c) } });
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                // A customer given by a collection initializer beside the team's personalization.
                public async Task ACustomerByACollectionInitializer(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization>
                    {
                        new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() },
                        new Personalization { Tos = { new EmailAddress(customer) } },
                    };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }
            }
            """);

    [Fact]
    public Task A_single_email_whose_personalizations_are_all_replaced_by_the_team_s_reaches_the_team()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                public async Task Replaced(string customer)
                {
                    var teamPersonalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(a)] }).ToList();
                    var msg = MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(customer), "[ops]", "text", "<p>text</p>");
                    msg.Personalizations = teamPersonalizations;
                    await sg.SendEmailAsync(msg);
                }

                public async Task ReplacedInline(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Personalizations = new List<Personalization> { new Personalization { Tos = [new EmailAddress(customer)] } } };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() } };
                    await sg.SendEmailAsync(msg);
                }
            }
            """);

    [Fact]
    public Task A_single_email_to_a_customer_the_team_is_only_added_to_or_partly_replaced_is_reported()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                public async Task Added(string customer)
                {
                    var msg = MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(customer), "[ops]", "text", "<p>text</p>");
                    msg.Personalizations.Add(new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() });
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task OneElementReplaced(string customer)
                {
                    var msg = MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(customer), "[ops]", "text", "<p>text</p>");
                    msg.Personalizations[0] = new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task ReplacedOnlySometimes(string customer, bool internalOnly)
                {
                    var msg = MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(customer), "[ops]", "text", "<p>text</p>");
                    if (internalOnly)
                    {
                        msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(a)] }).ToList();
                    }

                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task SentBeforeItIsReplaced(string customer)
                {
                    var msg = MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(customer), "[ops]", "text", "<p>text</p>");
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                    msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(a)] }).ToList();
                    await sg.SendEmailAsync(msg);
                }

                public async Task ACustomerAddedAfterTheReplacement(string customer)
                {
                    var msg = MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(customer), "[ops]", "text", "<p>text</p>");
                    msg.Personalizations = ops.TeamEmails.Select(a => new Personalization { Tos = [new EmailAddress(a)] }).ToList();
                    msg.AddTo(new EmailAddress(customer));
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task ReplacedByTheCustomers(string customer)
                {
                    var msg = MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(ops.Email), "[ops]", "text", "<p>text</p>");
                    msg.Personalizations = ops.Customers.Select(c => new Personalization { Tos = [new EmailAddress(c)] }).ToList();
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }
            }
            """);
}
