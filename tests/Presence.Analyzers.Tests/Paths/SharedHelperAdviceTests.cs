using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A shared send helper (<c>Send(string address, string text)</c>, <c>Send(string channel, object text)</c>) called
/// with the team's [InternalAudience] destination and with an audience's: PRES001 at its send advises
/// [RequiresHumanApproval] on the helper, and following that advice asks for a confirmation only where a call sends to
/// the audience. The calls that pass the team's destination stay quiet, on a hosted service's path too.
/// </summary>
public class SharedHelperAdviceTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Presence;
        using SendGrid;
        using SendGrid.Helpers.Mail;

        public sealed class OpsOptions
        {
            [InternalAudience("the ops mailbox")] public string Email { get; set; } = "";
            [InternalAudience("the ops channel")] public string Channel { get; set; } = "";
        }

        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(
            Usings + code,
            [.. PathVerifier.Hosting,
             MetadataReference.CreateFromFile(typeof(SendGrid.ISendGridClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)],
            "presence_email_and_sms = true",
            expected);

    private static DiagnosticResult Unconfirmed(int location, string what, string member)
        => PathVerifier.Diagnostic(PresenceDiagnostics.UnconfirmedPublish).WithLocation(location).WithArguments(what, member);

    private const string Mail = "Posts to Email through 'ISendGridClient.SendEmailAsync' (email (POST v3/mail/send))";
    private const string Slack = "Posts to Slack through 'HttpClient.PostAsJsonAsync' (POST https://slack.com/api/chat.postMessage)";

    [Fact]
    public Task The_helper_s_send_is_reported_with_the_attribute_on_the_helper_as_advice()
        => Check("""
            public sealed class Mailer(OpsOptions ops, ISendGridClient sg)
            {
                public Task Send(string address, string text) => {|#0:sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(address), "Hi", text, text))|};
                public Task Alert(string text) => Send(ops.Email, text);
                public Task Welcome(string customer) => Send(customer, "Welcome");
            }

            public sealed class Chat(OpsOptions ops, HttpClient http)
            {
                public Task Send(string channel, object text) => {|#1:http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", new { channel, text })|};
                public Task Alert(string text) => Send(ops.Channel, text);
                public Task Announce(string text) => Send("#general", text);
            }
            """,
            Unconfirmed(0, Mail, "Send"),
            Unconfirmed(1, Slack, "Send"));

    [Fact]
    public Task Following_the_advice_asks_only_the_callers_that_reach_an_audience()
        => Check("""
            public sealed class Mailer(OpsOptions ops, ISendGridClient sg)
            {
                [RequiresHumanApproval]
                public Task Send(string address, string text) => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("bot@acme.test"), new EmailAddress(address), "Hi", text, text));
                public Task Alert(string text) => Send(ops.Email, text);
                public Task Welcome(string customer) => {|#0:Send(customer, "Welcome")|};
            }

            public sealed class Chat(OpsOptions ops, HttpClient http)
            {
                [RequiresHumanApproval]
                public Task Send(string channel, object text) => http.PostAsJsonAsync("https://slack.com/api/chat.postMessage", new { channel, text });
                public Task Alert(string text) => Send(ops.Channel, text);
                public Task Announce(string text) => {|#1:Send("#general", text)|};
            }

            public sealed class Watchdog(Mailer mailer, Chat chat) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken ct)
                {
                    await mailer.Alert("disk full");
                    await chat.Alert("disk full");
                }
            }
            """,
            Unconfirmed(0, "Calls 'Mailer.Send', which publishes and requires a person's approval,", "Welcome"),
            Unconfirmed(1, "Calls 'Chat.Send', which publishes and requires a person's approval,", "Announce"));
}
