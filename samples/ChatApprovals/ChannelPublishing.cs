using System.Threading;
using System.Threading.Tasks;
using Presence;
using Telegram.Bot;

namespace ChatApprovals;

/// <summary>A post for the public channel: its text is what reviewers approve.</summary>
public sealed class ChannelPost(string text) : IApprovalContent
{
    public string Text { get; } = text;

    public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("telegram-channel", Text);

    /// <summary>Reviewers read the post as it will appear.</summary>
    public override string ToString() => Text;
}

/// <summary>
/// Posts to the public channel. Only the generated ChannelPublisherGate may call it (PRES009 otherwise), with a token a
/// reviewer's recorded decision was redeemed for.
/// </summary>
[GeneratePublisherGate]
public interface IChannelPublisher
{
    /// <summary>Posts to the channel and returns the message id.</summary>
    Task<int> PublishAsync(ChannelPost post, CancellationToken cancellationToken);
}

/// <summary>The real publisher: a message from the bot to the public channel (@name).</summary>
public sealed class TelegramChannelPublisher(ITelegramBotClient bot, string channel) : IChannelPublisher
{
    public async Task<int> PublishAsync(ChannelPost post, CancellationToken cancellationToken)
        => (await bot.SendMessage(channel, post.Text, cancellationToken: cancellationToken)).MessageId;
}
