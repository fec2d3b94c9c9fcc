// Shape of idunno.Bluesky 1.x (idunno.Bluesky): public API only, for tests.
// assembly: idunno.Bluesky
// references: idunno.AtProto
// BlueskyAgent derives from idunno.AtProto.AtProtoAgent, which lives in idunno.AtProto.dll: this shape references
// the idunno.AtProto shape (IdunnoAtProto.cs) because the inheritance cannot be reproduced otherwise.
// Source: blowdart/idunno.Bluesky src/idunno.Bluesky (BlueskyAgent partial class: Post(...) overloads incl.
// Post(string text, ..., CancellationToken) and Post(PostBuilder, CancellationToken); ReplyTo(StrongReference parent,
// string text, ICollection<string>? tags, bool extractFacets, CancellationToken); Quote(StrongReference, string text,
// ICollection<string>? tags, CancellationToken); Repost(StrongReference, CancellationToken); chat SendMessage(string id,
// string message, bool extractFacets, StrongReference? embeddedPost, CancellationToken), SendMessageBatch(...)).
// Only a subset of the Post/Quote/Repost overloads is reproduced; SendMessageBatch's parameter list is approximated.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using idunno.AtProto;
using idunno.AtProto.Repo;

namespace idunno.Bluesky.Chat
{
    public sealed class MessageView { public string Id { get; } = ""; public string Text { get; } = ""; }
    public sealed class BatchedMessage { public BatchedMessage(string conversationId, string text) { } }
    public sealed class ConversationView { public string Id { get; } = ""; }
}

namespace idunno.Bluesky.Feed
{
    public sealed class FeedViewPost { }
    public sealed class PostView { }
}

namespace idunno.Bluesky
{
    using idunno.Bluesky.Chat;
    using idunno.Bluesky.Feed;

    public sealed class PostBuilder
    {
        public PostBuilder(string text) { }
        public PostBuilder Append(string text) => this;
    }

    public class BlueskyAgent : AtProtoAgent
    {
        public BlueskyAgent() : base(new Uri("https://bsky.social")) { }

        public Task<AtProtoHttpResult<CreateRecordResult>> Post(string text, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<CreateRecordResult>> Post(string text, string langs, DateTimeOffset? createdAt = null, ICollection<string>? tags = null, bool extractFacets = true, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<CreateRecordResult>> Post(PostBuilder postBuilder, CancellationToken cancellationToken = default) => throw null!;

        public Task<AtProtoHttpResult<CreateRecordResult>> ReplyTo(StrongReference parent, string text, ICollection<string>? tags = null, bool extractFacets = true, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<CreateRecordResult>> ReplyTo(StrongReference parent, PostBuilder postBuilder, CancellationToken cancellationToken = default) => throw null!;

        public Task<AtProtoHttpResult<CreateRecordResult>> Quote(StrongReference strongReference, string text, ICollection<string>? tags = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<CreateRecordResult>> Quote(StrongReference strongReference, CancellationToken cancellationToken = default) => throw null!;

        public Task<AtProtoHttpResult<CreateRecordResult>> Repost(StrongReference post, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<CreateRecordResult>> Repost(FeedViewPost post, CancellationToken cancellationToken = default) => throw null!;

        public Task<AtProtoHttpResult<CreateRecordResult>> Like(StrongReference post, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<CreateRecordResult>> Follow(Did did, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<PostView>> GetPostView(AtUri uri, CancellationToken cancellationToken = default) => throw null!;

        public Task<AtProtoHttpResult<ConversationView>> GetConversationForMembers(ICollection<Did> members, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<MessageView>> SendMessage(string id, string message, bool extractFacets = true, StrongReference? embeddedPost = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<ICollection<MessageView>>> SendMessageBatch(ICollection<BatchedMessage> batchedMessages, CancellationToken cancellationToken = default) => throw null!;
    }
}
