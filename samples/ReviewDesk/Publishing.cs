using System;
using System.Threading;
using System.Threading.Tasks;
using Presence;

namespace ReviewDesk;

/// <summary>A post: where it goes and what it says. Both are what a reviewer approves; when it goes out is not.</summary>
public sealed class DeskPost(string channel, string text) : IApprovalContent
{
    public string Channel { get; } = channel;

    public string Text { get; } = text;

    public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("desk", Channel, Text);
}

/// <summary>Reviewers read a post as it will appear: its text (a description of the post: the channel is shown beside it).</summary>
public sealed class DeskPostFormatter : IApprovalContentFormatter
{
    public ReviewContent? Format(object content) => content switch
    {
        DeskPost post => new ReviewContent(post.Text, ReviewContent.Description),
        string text => new ReviewContent(text, ReviewContent.PlainText),
        _ => null,
    };
}

/// <summary>The only way to call this interface is the generated DeskPublisherGate (PRES009 otherwise).</summary>
[GeneratePublisherGate]
public interface IDeskPublisher
{
    /// <summary>Publishes a post on its channel.</summary>
    Task PublishAsync(DeskPost post, CancellationToken cancellationToken);
}

/// <summary>Stands in for the social networks: writes what would be published to the console.</summary>
public sealed class ConsolePublisher : IDeskPublisher
{
    public Task PublishAsync(DeskPost post, CancellationToken cancellationToken)
    {
        Console.WriteLine($"PUBLISHED [{post.Channel}] {post.Text}");
        return Task.CompletedTask;
    }
}

/// <summary>Tells authors about decisions on their posts; here, on the console.</summary>
public sealed class ConsoleNotifier : IApprovalNotifier
{
    public Task NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken)
    {
        var what = notification.Kind switch
        {
            ApprovalNotificationKind.Approved => "approved your post; it goes out when due",
            ApprovalNotificationKind.Rejected => $"rejected your post: {notification.Decision.Reason}",
            _ => $"asks for changes: {notification.Decision.Reason}",
        };
        Console.WriteLine($"NOTIFY {notification.Recipient}: {notification.Decision.Reviewer} {what} ({notification.Record.Channel})");
        return Task.CompletedTask;
    }
}
