// Shape of FishyFlip 1.8 - 2.x (FishyFlip): public API only, for tests.
// assembly: FishyFlip
// Source: drasticactions/FishyFlip (tags v1.8.80, 2.1.0) ATProtoRepo: CreatePostAsync(string text, Facet[]? facets,
// Embed? embed, string[]? langs, DateTime? createdAt, string? rkey, string? swapCommit, CancellationToken) ->
// Task<Result<CreatePostResponse>>, CreateRepostAsync(Cid, ATUri, DateTime?, CancellationToken) -> Task<Result<RecordRef>>,
// UploadBlobAsync(StreamContent, CancellationToken). Reached as ATProtocol.Repo.
// Same assembly name as FishyFlip3.cs (the 3.x shape): usage files select this one with `// shape: FishyFlip2`.
#nullable enable
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FishyFlip.Models
{
    public class Result<T> { public bool IsSuccess { get; } public T? Value { get; } }
    public class Facet { }
    public class Embed { }
    public class Cid { }
    public class ATUri { public ATUri(string uri) { } }
    public class RecordRef { public ATUri? Uri { get; } public Cid? Cid { get; } }
    public class CreatePostResponse { public ATUri? Uri { get; } public Cid? Cid { get; } }
    public class UploadBlobResponse { }
    public class PostRecord { }
}

namespace FishyFlip
{
    using FishyFlip.Models;

    public sealed class ATProtocol : IDisposable
    {
        public ATProtoRepo Repo => throw null!;
        public void Dispose() { }
    }

    public sealed class ATProtoRepo
    {
        internal ATProtoRepo() { }
        public Task<Result<UploadBlobResponse>> UploadBlobAsync(StreamContent content, CancellationToken cancellationToken = default) => throw null!;
        public Task<Result<CreatePostResponse>> CreatePostAsync(string text, Facet[]? facets = null, Embed? embed = default, string[]? langs = null, DateTime? createdAt = null, string? rkey = null, string? swapCommit = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<Result<RecordRef>> CreateRepostAsync(Cid cid, ATUri uri, DateTime? createdAt = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<Result<RecordRef>> CreateLikeAsync(Cid cid, ATUri uri, DateTime? createdAt = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<Result<PostRecord?>> GetPostAsync(string repo, string rkey, Cid? cid = null, CancellationToken cancellationToken = default) => throw null!;
    }
}
