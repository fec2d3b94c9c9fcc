using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A SendGrid mail whose personalizations start as the team's but reach a customer by a later change (a Tos list or a
/// personalization changed after it was given, Personalizations[0].Tos.Add, AddTo without an index, a loop over the
/// personalizations) or come from a field stays a send to an audience.
/// </summary>
public class TeamPersonalizationChangedLaterTests
{
    private static Task Check(string code, params DiagnosticResult[] expected) => TeamPersonalizationTests.Check(code, expected);

    [Fact]
    public Task Personalizations_changed_after_they_were_given_or_held_in_a_field_are_reported()
        => Check("""
            public sealed class OpsMail(OpsOptions ops, ISendGridClient sg)
            {
                private readonly Personalization _shared = new Personalization();
                private readonly List<Personalization> _list = new();

                public async Task P1_IndexerTosAdd(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() } };
                    msg.Personalizations[0].Tos.Add(new EmailAddress(customer));
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P2_TosListMutated(string customer)
                {
                    var tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList();
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = tos } };
                    tos.Add(new EmailAddress(customer));
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P3_PersonalizationTosAdd(string customer)
                {
                    var p = new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() };
                    p.Tos.Add(new EmailAddress(customer));
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { p };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P4_FieldPersonalization()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { _shared };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P5_ListMutatedAfter(string customer)
                {
                    var list = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() } };
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = list;
                    list.Add(new Personalization { Tos = new List<EmailAddress> { new EmailAddress(customer) } });
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P6_AddToAfter(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() } };
                    msg.AddTo(new EmailAddress(customer));
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P7_LastCcs(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() } };
                    msg.Personalizations.Last().Ccs = new List<EmailAddress> { new EmailAddress(customer) };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P8_FieldList()
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]", Personalizations = _list };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P9_LocalPersonalizationTosAssigned(string customer)
                {
                    var p = new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() };
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { p };
                    p.Tos = new List<EmailAddress> { new EmailAddress(customer) };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P10_ForeachAdd(string customer)
                {
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.Personalizations = new List<Personalization> { new Personalization { Tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList() } };
                    foreach (var p in msg.Personalizations) p.Bccs = new List<EmailAddress> { new EmailAddress(customer) };
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }

                public async Task P11_AddTosListLaterMutated(string customer)
                {
                    var tos = ops.TeamEmails.Select(a => new EmailAddress(a)).ToList();
                    var msg = new SendGridMessage { From = new EmailAddress("bot@acme.test"), Subject = "[ops]" };
                    msg.AddTos(tos, 0);
                    tos.Add(new EmailAddress(customer));
                    await {|PRES001:sg.SendEmailAsync(msg)|};
                }
            }
            """);
}
