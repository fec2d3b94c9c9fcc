// Shape of FishyFlip 3.x and later (FishyFlip): public API only, for tests.
// assembly: FishyFlip
// Source: drasticactions/FishyFlip src/FishyFlip/Lexicon/App/Bsky/Feed/ATProtoFeedExtensions.g.cs (generated static
// extension class; 3.0 extended FishyFlip.ATProtocol, later versions extend FishyFlip.IXrpcClient, which ATProtocol
// implements): CreatePostAsync(this IXrpcClient atp, Post record, string? rkey, bool? validate, string? swapCommit,
// CancellationToken) and CreatePostAsync(this IXrpcClient atp, string? text, List<Facet>? facets, ReplyRefDef? reply,
// ATObject? embed, List<string>? langs, SelfLabels? labels, List<string>? tags, DateTime? createdAt, string? rkey,
// bool? validate, string? swapCommit, CancellationToken) -> Task<Result<CreateRecordOutput?>>; CreateRepostAsync,
// CreateLikeAsync, ListPostAsync alike. FishyFlip.Lexicon.Com.Atproto.Repo.ATProtoRepo (ATProtocol.Repo) has the raw
// CreateRecordAsync / UploadBlobAsync.
// Same assembly name as FishyFlip2.cs: usage files select this one with `// shape: FishyFlip3`.
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FishyFlip.Models
{
    public class Result<T> { public bool IsSuccess { get; } public T? Value { get; } }
    public abstract class ATIdentifier { }
    public sealed class ATDid : ATIdentifier { public static ATDid Create(string did) => throw null!; }
    public sealed class ATUri { public ATUri(string uri) { } }
    public class Session { public ATDid Did { get; } = null!; }
}

namespace FishyFlip.Lexicon
{
    public abstract class ATObject { }
}

namespace FishyFlip.Lexicon.Com.Atproto.Repo
{
    using FishyFlip.Models;

    public class CreateRecordOutput { public ATUri? Uri { get; set; } public string? Cid { get; set; } }
    public class ListRecordsOutput { }
    public class StrongRef : ATObject { public StrongRef(ATUri uri, string cid) { } }
    public class UploadBlobOutput { }

    public sealed class ATProtoRepo
    {
        internal ATProtoRepo() { }
        public Task<Result<CreateRecordOutput?>> CreateRecordAsync(ATIdentifier repo, string collection, ATObject record, string? rkey = default, bool? validate = default, string? swapCommit = default, CancellationToken cancellationToken = default) => throw null!;
        public Task<Result<UploadBlobOutput?>> UploadBlobAsync(StreamContent content, CancellationToken cancellationToken = default) => throw null!;
        public Task<Result<ListRecordsOutput?>> ListRecordsAsync(ATIdentifier repo, string collection, int? limit = 50, string? cursor = default, bool? reverse = default, CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace FishyFlip.Lexicon.App.Bsky.Richtext
{
    public class Facet : FishyFlip.Lexicon.ATObject { }
}

namespace FishyFlip.Lexicon.Com.Atproto.Label
{
    public class SelfLabels : FishyFlip.Lexicon.ATObject { }
}

namespace FishyFlip
{
    using FishyFlip.Models;

    public interface IXrpcClient
    {
        Session? Session { get; }
    }

    public sealed class ATProtocol : IXrpcClient, IDisposable
    {
        public Session? Session => throw null!;
        public FishyFlip.Lexicon.Com.Atproto.Repo.ATProtoRepo Repo => throw null!;
        public void Dispose() { }
    }

    public sealed class ATProtocolBuilder
    {
        public ATProtocol Build() => throw null!;
    }
}

namespace FishyFlip.Lexicon.App.Bsky.Feed
{
    using FishyFlip.Lexicon.App.Bsky.Richtext;
    using FishyFlip.Lexicon.Com.Atproto.Label;
    using FishyFlip.Lexicon.Com.Atproto.Repo;
    using FishyFlip.Models;

    public class Post : ATObject { public string? Text { get; set; } public List<Facet>? Facets { get; set; } public DateTime? CreatedAt { get; set; } }
    public class ReplyRefDef : ATObject { }
    public class Repost : ATObject { }
    public class Like : ATObject { }

    public static class ATProtoFeedExtensions
    {
        public static Task<Result<CreateRecordOutput?>> CreatePostAsync(this FishyFlip.IXrpcClient atp, Post record, string? rkey = default, bool? validate = default, string? swapCommit = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Result<CreateRecordOutput?>> CreatePostAsync(this FishyFlip.IXrpcClient atp, string? text, List<Facet>? facets = default, ReplyRefDef? reply = default, ATObject? embed = default, List<string>? langs = default, SelfLabels? labels = default, List<string>? tags = default, DateTime? createdAt = default, string? rkey = default, bool? validate = default, string? swapCommit = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Result<CreateRecordOutput?>> CreateRepostAsync(this FishyFlip.IXrpcClient atp, Repost record, string? rkey = default, bool? validate = default, string? swapCommit = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Result<CreateRecordOutput?>> CreateRepostAsync(this FishyFlip.IXrpcClient atp, StrongRef? subject, DateTime? createdAt = default, StrongRef? via = default, string? rkey = default, bool? validate = default, string? swapCommit = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Result<CreateRecordOutput?>> CreateLikeAsync(this FishyFlip.IXrpcClient atp, StrongRef? subject, DateTime? createdAt = default, StrongRef? via = default, string? rkey = default, bool? validate = default, string? swapCommit = default, CancellationToken cancellationToken = default) => throw null!;
        public static Task<Result<ListRecordsOutput?>> ListPostAsync(this FishyFlip.IXrpcClient atp, FishyFlip.Models.ATIdentifier repo, int? limit = 50, string? cursor = default, bool? reverse = default, CancellationToken cancellationToken = default) => throw null!;
    }
}
