using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Presence;
using SendGrid;
using SendGrid.Helpers.Mail;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace App;

public sealed class OpsOptions
{
    [InternalAudience("the ops mailbox")] public string Email { get; set; } = "";
    [InternalAudience("the ops line")] public string Phone { get; set; } = "";
    [InternalAudience("the ops chat")] public long ChatId { get; set; }
}

public sealed record AccountForm(string Email, string Phone);

public static class AccountEndpoints
{
    // Answers to the person who asked, sent from the team's mailbox and number.
    public static void Map(WebApplication app, OpsOptions ops, ISendGridClient sg)
    {
        app.MapPost("/account/forgot-password", (AccountForm form)
            => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress(ops.Email), new EmailAddress(form.Email), "Reset your password", "t", "h")));
        app.MapPost("/account/code", (AccountForm form)
            => MessageResource.CreateAsync(to: new PhoneNumber(form.Phone), from: ops.Phone, body: "Your code is 123456"));
    }
}

public sealed class Ops(OpsOptions ops, ISendGridClient sg, ITelegramBotClient bot)
{
    public Task MailTeam(string sender)
        => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress(sender), new EmailAddress(ops.Email), "[ops] disk", "t", "h"));

    public Task PageTeam() => MessageResource.CreateAsync(to: new PhoneNumber(ops.Phone), from: new PhoneNumber("+15550100"), body: "disk full");

    public Task ChatTeam() => bot.SendMessage(ops.ChatId, "disk full");

    // The team's mailbox as the sender does not make a mail to a customer the team's.
    public Task TellCustomer(string customer)
        => sg.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress(ops.Email), new EmailAddress(customer), "Hello", "t", "h"));
}

public sealed class Echo : IUpdateHandler
{
    public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
    {
        if (update.Message is { } message)
        {
            await bot.SendMessage(message.Chat, "echo: " + message.Text, cancellationToken: ct);
        }
    }

    public Task HandleErrorAsync(ITelegramBotClient bot, System.Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
}
