using System;
using System.Collections.Generic;
using System.Linq;

namespace Presence.Abstractions.Tests.Support
{
    /// <summary>A social post as docs/approvals.md recommends fingerprinting it: channel, body, media; not the schedule.</summary>
    internal sealed class Post : IApprovalContent
    {
        public Post(string channel, string body, DateTimeOffset? publishAt = null, params string[] media)
        {
            Channel = channel;
            Body = body;
            PublishAt = publishAt;
            Media = media.ToList();
        }

        public string Channel { get; set; }

        // Mutable on purpose: the gate must notice an edit made after approval.
        public string Body { get; set; }

        public List<string> Media { get; }

        public DateTimeOffset? PublishAt { get; set; }

        public ContentFingerprint GetApprovalFingerprint()
            => ContentFingerprint.Of(new[] { Channel, Body, Media.Count.ToString() }.Concat(Media).ToArray());

        public Post Copy() => new Post(Channel, Body, PublishAt, Media.ToArray());
    }

    /// <summary>Content of a type that never opted in to fingerprinting.</summary>
    internal sealed class PlainDraft
    {
        public string Text { get; set; } = "hello";
    }

    /// <summary>An IApprovalContent that forgot to fingerprint anything.</summary>
    internal sealed class LazyContent : IApprovalContent
    {
        public ContentFingerprint GetApprovalFingerprint() => default;
    }
}
