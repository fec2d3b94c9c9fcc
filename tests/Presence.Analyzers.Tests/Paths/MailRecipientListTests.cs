using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Paths;

/// <summary>
/// A mail's recipients given as a collection initializer (MimeKit's <c>new InternetAddressList { … }</c>) are read
/// element by element: one address of the requester is a reply; a list added to in a loop, built from a collection or
/// naming someone else too stays a broadcast.
/// </summary>
public class MailRecipientListTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using Microsoft.AspNetCore.Builder;
        using MimeKit;

        """;

    private static Task Check(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(
            Usings + code,
            [.. PathVerifier.AspNetCore, .. PathVerifier.Hosting.Where(r => !PathVerifier.AspNetCore.Contains(r)),
             MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
             MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location)],
            "presence_email_and_sms = true",
            expected);

    [Fact]
    public Task An_address_list_with_the_requester_alone_is_a_reply_and_one_built_from_a_collection_is_a_broadcast()
        => Check("""
            public sealed record Form(string Email);
            public sealed class ListOptions { public string Address { get; set; } = ""; }

            public static class Api
            {
                public static void Map(WebApplication app, IReadOnlyList<string> subscribers, ListOptions news)
                {
                    app.MapPost("/signup/confirm", async (Form form) =>
                    {
                        using var smtp = new SmtpClient();
                        var list = new InternetAddressList { MailboxAddress.Parse(form.Email) };
                        await smtp.SendAsync(new MimeMessage(new InternetAddressList(), list, "again", new TextPart("plain")));
                        await smtp.SendAsync(new MimeMessage(new InternetAddressList(), new InternetAddressList { MailboxAddress.Parse(form.Email) }, "inline", new TextPart("plain")));
                    });

                    // Look-alikes: the list added to in a loop, built from the subscribers, or with the newsletter in it.
                    app.MapPost("/loop", async (Form form) {|#0:=>|}
                    {
                        using var smtp = new SmtpClient();
                        var list = new InternetAddressList { MailboxAddress.Parse(form.Email) };
                        foreach (var s in subscribers) list.Add(MailboxAddress.Parse(s));
                        await smtp.SendAsync(new MimeMessage(new InternetAddressList(), list, "news", new TextPart("plain")));
                    });

                    app.MapPost("/collection", async (Form form) {|#1:=>|}
                    {
                        using var smtp = new SmtpClient();
                        var list = new InternetAddressList(subscribers.Select(MailboxAddress.Parse));
                        await smtp.SendAsync(new MimeMessage(new InternetAddressList(), list, "news", new TextPart("plain")));
                    });

                    app.MapPost("/copy", async (Form form) {|#2:=>|}
                    {
                        using var smtp = new SmtpClient();
                        await smtp.SendAsync(new MimeMessage(new InternetAddressList(), new InternetAddressList { MailboxAddress.Parse(form.Email), MailboxAddress.Parse(news.Address) }, "news", new TextPart("plain")));
                    });
                }
            }
            """,
            PathVerifier.AnyCaller(0, "the anonymous endpoint POST /loop in Api.Map", "anonymous endpoint POST /loop → MailTransport.SendAsync"),
            PathVerifier.AnyCaller(1, "the anonymous endpoint POST /collection in Api.Map", "anonymous endpoint POST /collection → MailTransport.SendAsync"),
            PathVerifier.AnyCaller(2, "the anonymous endpoint POST /copy in Api.Map", "anonymous endpoint POST /copy → MailTransport.SendAsync"));
}
