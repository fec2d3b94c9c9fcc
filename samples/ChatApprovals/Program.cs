using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Presence;
using Telegram.Bot;
using ChatApprovals;

// Chat-button approvals on Telegram. Configure (user secrets, environment or appsettings.json):
//   Telegram:Token            the bot's token
//   Telegram:ReviewersChat    the reviewers' private group chat id (the bot is a member)
//   Telegram:Channel          the public channel, e.g. @acme_news (the bot is an admin there)
//   Telegram:Reviewers:<id>   a reviewer's Telegram user id and the name they review under, e.g. Telegram:Reviewers:123456=maria
var builder = Host.CreateApplicationBuilder(args);
var telegram = builder.Configuration.GetSection("Telegram");
if (string.IsNullOrEmpty(telegram["Token"]) || !long.TryParse(telegram["ReviewersChat"], out var reviewersChat) || string.IsNullOrEmpty(telegram["Channel"]))
{
    Console.Error.WriteLine("Set Telegram:Token, Telegram:ReviewersChat, Telegram:Channel and Telegram:Reviewers:<user id> (see Program.cs).");
    return 2;
}

var options = new ReviewChatOptions { ReviewersChatId = reviewersChat };
foreach (var reviewer in telegram.GetSection("Reviewers").GetChildren())
{
    if (long.TryParse(reviewer.Key, out var userId) && !string.IsNullOrWhiteSpace(reviewer.Value))
    {
        options.Reviewers[userId] = reviewer.Value;
    }
}

builder.Services.AddSingleton(options);
builder.Services.AddSingleton<ITelegramBotClient>(new TelegramBotClient(telegram["Token"]!));
builder.Services.AddSingleton(TimeProvider.System);
var hold = new PublishingHold();
builder.Services.AddSingleton<IPublishingHold>(hold);
builder.Services.AddSingleton(new ApprovalLedger(new InMemoryApprovalStore(), hold));
builder.Services.AddSingleton<IChannelPublisher>(provider => new TelegramChannelPublisher(provider.GetRequiredService<ITelegramBotClient>(), telegram["Channel"]!));
builder.Services.AddChannelPublisherGate();
builder.Services.AddSingleton<ReviewChat>();
builder.Services.AddHostedService<ButtonListener>();
builder.Services.AddHostedService<ScheduledPublisher>();
using var host = builder.Build();

// A draft written ahead of time goes to the reviewers; it is published only if one of them approves it.
var ledger = host.Services.GetRequiredService<ApprovalLedger>();
var post = new ChannelPost("Our spring release is out: exports twice as fast.");
var request = await ledger.SubmitAsync(post, author: "agent:drafts", dueAt: DateTimeOffset.UtcNow.AddMinutes(2), channel: telegram["Channel"]);
await host.Services.GetRequiredService<ReviewChat>().AskReviewersAsync(request, post, default);
await host.RunAsync();
return 0;
