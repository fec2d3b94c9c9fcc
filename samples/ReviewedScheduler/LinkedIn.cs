using System;
using System.Net.Http;
using System.Net.Http.Json;
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

/// <summary>
/// The only way to call this interface is the generated LinkedInPublisherGate (PRES009 otherwise). A gated
/// interface is a publisher by itself: no [PublishesContent] is needed, and what its implementations send is
/// the gate's business.
/// </summary>
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

/// <summary>
/// The real sender, below the gate (not used by the walkthrough, which prints instead): its POST to LinkedIn is
/// not reported, because only the gate calls it, with a person's approval spent first.
/// </summary>
public sealed class LinkedInApiPublisher(HttpClient http) : ILinkedInPublisher
{
    public async Task<string> PostAsync(LinkedInPost post, CancellationToken cancellationToken)
    {
        var body = new { author = post.Page, commentary = post.Text, visibility = "PUBLIC", lifecycleState = "PUBLISHED" };
        using var response = await http.PostAsJsonAsync("https://api.linkedin.com/rest/posts", body, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("x-restli-id", out var ids) ? string.Join(",", ids) : string.Empty;
    }
}
