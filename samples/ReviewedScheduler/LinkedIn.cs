using System;
using System.Threading;
using System.Threading.Tasks;
using Presence;

namespace ReviewedScheduler;

/// <summary>A post: its page and text are what a reviewer approves; when it goes out is not.</summary>
public sealed class LinkedInPost(string page, string text) : IApprovalContent
{
    public string Page { get; } = page;

    public string Text { get; } = text;

    public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("linkedin", Page, Text);
}

/// <summary>The only way to call this interface is the generated LinkedInPublisherGate (PRES009 otherwise).</summary>
[GeneratePublisherGate]
public interface ILinkedInPublisher
{
    /// <summary>Publishes a post on its page and returns the post's id.</summary>
    Task<string> PostAsync(LinkedInPost post, CancellationToken cancellationToken);
}

public sealed class ConsoleLinkedInPublisher : ILinkedInPublisher
{
    public Task<string> PostAsync(LinkedInPost post, CancellationToken cancellationToken)
    {
        Console.WriteLine($"    [linkedin:{post.Page}] {post.Text}");
        return Task.FromResult(Guid.NewGuid().ToString("N"));
    }
}
