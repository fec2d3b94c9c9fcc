using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// Mail sent through Microsoft Graph, with email turned on: a timer mailing the staff list fails the build as an SMTP
/// send does; a password-reset mail to the person who asked, and a mail to the team's marked mailbox, are quiet,
/// with their recipients read from the message's properties.
/// </summary>
public class MicrosoftGraphMailTests
{
    private const string EmailOn = "presence_email_and_sms = true";

    private static readonly MetadataReference[] Graph =
    [
        .. PathVerifier.Hosting,
        TestReferences.FromType<Microsoft.Graph.GraphServiceClient>(),
        TestReferences.FromType<Microsoft.Graph.BaseGraphServiceClient>(),
        TestReferences.FromType<Microsoft.Kiota.Abstractions.RequestInformation>(),
        .. PathVerifier.AspNetCore,
    ];

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Graph;
        using Microsoft.Graph.Models;
        using Microsoft.Graph.Users.Item.SendMail;
        using Presence;

        """;

    [Fact]
    public Task A_timer_mailing_the_staff_list_through_Graph_fails_the_build()
        => PathVerifier.VerifyAsync(
            Usings + """
            public sealed class MonthlyNewsletter(GraphServiceClient graph) : BackgroundService
            {
                protected override async Task {|#0:ExecuteAsync|}(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromDays(30));
                    while (await timer.WaitForNextTickAsync(stoppingToken))
                    {
                        await graph.Users["news@contoso.com"].SendMail.PostAsync(new SendMailPostRequestBody
                        {
                            Message = new Message
                            {
                                Subject = "This month",
                                Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>News</p>" },
                                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "all-staff@contoso.com" } }],
                            },
                        }, cancellationToken: stoppingToken);
                    }
                }
            }
            """,
            Graph,
            EmailOn,
            PathVerifier.Unattended(0, "MonthlyNewsletter.ExecuteAsync (a hosted service)", "MonthlyNewsletter.ExecuteAsync → SendMailRequestBuilder.PostAsync"));

    [Fact]
    public Task A_reset_mail_to_the_requester_and_a_mail_to_the_teams_mailbox_are_quiet()
        => PathVerifier.VerifyAsync(
            Usings + """
            public sealed record ResetRequest(string Email);

            public sealed class OpsOptions
            {
                [InternalAudience("the on-call mailbox")]
                public string OnCallMailbox { get; set; } = "";
            }

            [ApiController]
            public sealed class AccountController(GraphServiceClient graph) : ControllerBase
            {
                [HttpPost("/password-reset")]
                public async Task<IActionResult> Reset([FromBody] ResetRequest request)
                {
                    var message = new Message
                    {
                        Subject = "Reset your password",
                        Body = new ItemBody { Content = "Use this link…" },
                        ToRecipients = new List<Recipient> { new Recipient { EmailAddress = new EmailAddress { Address = request.Email } } },
                    };
                    await graph.Users["no-reply@contoso.com"].SendMail.PostAsync(new SendMailPostRequestBody { Message = message });
                    return Ok();
                }
            }

            public sealed class Watchdog(GraphServiceClient graph, OpsOptions ops) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await graph.Users["alerts@contoso.com"].SendMail.PostAsync(new SendMailPostRequestBody
                        {
                            Message = new Message
                            {
                                Subject = "Queue is backing up",
                                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = ops.OnCallMailbox } }],
                            },
                        }, cancellationToken: stoppingToken);
                        await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
                    }
                }
            }
            """,
            Graph,
            EmailOn);

    [Fact]
    public Task The_teams_mailbox_beside_a_customer_or_as_the_sender_does_not_make_a_send_the_teams()
        => PathVerifier.VerifyAsync(
            Usings + """
            public sealed class OpsOptions
            {
                [InternalAudience("the on-call mailbox")]
                public string OnCallMailbox { get; set; } = "";
            }

            public sealed class Mailer(GraphServiceClient graph, OpsOptions ops)
            {
                public async Task Run(string customer)
                {
                    await {|PRES001:graph.Users["alerts@contoso.com"].SendMail.PostAsync(new SendMailPostRequestBody
                    {
                        Message = new Message
                        {
                            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = ops.OnCallMailbox } }],
                            BccRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = customer } }],
                        },
                    })|};
                    await {|PRES001:graph.Users[ops.OnCallMailbox].SendMail.PostAsync(new SendMailPostRequestBody
                    {
                        Message = new Message { ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = customer } }] },
                    })|};
                }
            }
            """,
            Graph,
            EmailOn);
}
