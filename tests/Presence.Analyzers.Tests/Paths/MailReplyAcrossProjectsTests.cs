using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A library's mailer or passcode sender that sends to the address its caller passes (a password-reset link, a
/// one-time code) is judged at each call in the referencing project by the address that call passes, as the same
/// helper in one project is: the requester's own address is a reply, the team's [InternalAudience] address stays
/// internal, and a list or another person's address is a broadcast nobody approved.
/// </summary>
public class MailReplyAcrossProjectsTests
{
    private const string Options = "presence_email_and_sms = true";

    private const string Lib = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MimeKit;
        using MailKit.Net.Smtp;
        using SendGrid;
        using SendGrid.Helpers.Mail;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        namespace Acme.Mail;

        public sealed class ResetMailer(ISendGridClient sendGrid)
        {
            public Task SendResetLinkAsync(string email, string link) =>
                sendGrid.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("no-reply@acme.test"), new EmailAddress(email), "Reset your password", link, link));
        }

        public static class OtpSender
        {
            public static Task SendCodeAsync(string phone, string code) =>
                MessageResource.CreateAsync(to: new PhoneNumber(phone), from: new PhoneNumber("+15550100"), body: "Your code: " + code);
        }

        public static class Notices
        {
            public static async Task SendAsync(IEnumerable<InternetAddress> recipients, string text)
            {
                using var smtp = new SmtpClient();
                await smtp.SendAsync(new MimeMessage(new[] { MailboxAddress.Parse("no-reply@acme.test") }, recipients, "Notice", new TextPart("plain") { Text = text }));
            }
        }
        """;

    private static readonly MetadataReference[] Sdks =
    [
        MetadataReference.CreateFromFile(typeof(SendGrid.ISendGridClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Twilio.Rest.Api.V2010.Account.MessageResource).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location),
    ];

    private static readonly MetadataReference Library = LibraryBuilder.Build("Acme.Mail", Lib, Options, Sdks);

    [Fact]
    public void The_summary_names_the_recipient_parameter_beside_the_publish()
    {
        var summary = LibraryBuilder.Summary(LibraryBuilder.Compile("Acme.Mail", Lib, withPresence: true, Options, Sdks));
        Assert.Contains("\nC\tM:Acme.Mail.ResetMailer.SendResetLinkAsync(System.String,System.String)\t0\tEmail\t", summary);
        Assert.Contains("\nC\tM:Acme.Mail.OtpSender.SendCodeAsync(System.String,System.String)\t0\tSMS\t", summary);
    }

    [Fact]
    public Task Each_call_is_judged_by_the_address_it_passes()
    {
        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Security.Claims;
                using System.Threading.Tasks;
                using Acme.Mail;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using MimeKit;

                public sealed record ForgotPasswordForm(string Email);
                public sealed record OtpForm(string Phone);
                public sealed record InviteForm(string FriendEmail);
                public sealed class OpsOptions { [Presence.InternalAudience("the on-call engineer's phone")] public string Phone { get; set; } = ""; }
                public sealed class Directory { public string OwnerEmail(int id) => ""; public List<string> Subscribers { get; } = new(); }

                public static class Api
                {
                    public static void Map(WebApplication app, Directory directory, OpsOptions ops)
                    {
                        app.MapPost("/account/forgot-password", async (ForgotPasswordForm form, ResetMailer mailer) =>
                        {
                            await mailer.SendResetLinkAsync(form.Email, "https://acme.test/reset?t=1");
                            return Results.Accepted();
                        });

                        app.MapPost("/account/send-otp", async (OtpForm form) =>
                        {
                            await OtpSender.SendCodeAsync(form.Phone, "123456");
                            return Results.Accepted();
                        });

                        app.MapPost("/account/confirm", (ClaimsPrincipal user, ResetMailer mailer) => mailer.SendResetLinkAsync(user.FindFirstValue(ClaimTypes.Email)!, "…"));

                        app.MapPost("/account/notice", (ForgotPasswordForm form) => Notices.SendAsync(new[] { MailboxAddress.Parse(form.Email) }, "…"));

                        app.MapPost("/ops/test-page", () => OtpSender.SendCodeAsync(ops.Phone, "000000"));

                        // Look-alikes: another person's address, the subscribers, the requester with someone else.
                        app.MapPost("/listings/{id}/contact", (int id, ResetMailer mailer) {|#0:=>|} mailer.SendResetLinkAsync(directory.OwnerEmail(id), "…"));

                        app.MapPost("/announce", (ForgotPasswordForm form) {|#1:=>|} Notices.SendAsync(directory.Subscribers.Select(MailboxAddress.Parse), "…"));

                        app.MapPost("/share", (ForgotPasswordForm form) {|#2:=>|} Notices.SendAsync(new[] { MailboxAddress.Parse(form.Email), MailboxAddress.Parse(directory.OwnerEmail(1)) }, "…"));
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + Options));
        test.TestState.AdditionalReferences.AddRange([Library, .. Sdks, .. PathVerifier.AspNetCore]);
        test.ExpectedDiagnostics.Add(PathVerifier.AnyCaller(0, "the anonymous endpoint POST /listings/{id}/contact in Api.Map", "anonymous endpoint POST /listings/{id}/contact → ResetMailer.SendResetLinkAsync → ISendGridClient.SendEmailAsync"));
        test.ExpectedDiagnostics.Add(PathVerifier.AnyCaller(1, "the anonymous endpoint POST /announce in Api.Map", "anonymous endpoint POST /announce → Notices.SendAsync → MailTransport.SendAsync"));
        test.ExpectedDiagnostics.Add(PathVerifier.AnyCaller(2, "the anonymous endpoint POST /share in Api.Map", "anonymous endpoint POST /share → Notices.SendAsync → MailTransport.SendAsync"));
        return test.RunAsync();
    }
}
