// Shape of CoreTweet 1.0.x (CoreTweet): public API only, for tests.
// assembly: CoreTweet
// The REST wrappers are generated from ApiTemplates/*.api; each endpoint becomes four overloads (expression parameters,
// IDictionary, an anonymous/typed object, and named parameters) plus the same four ...Async ones.
// Namespace verified: CoreTweet.Shared/Rest/Statuses.Async.cs declares `namespace CoreTweet.Rest { partial class Statuses`,
// and Statuses derives from CoreTweet.Core.ApiProviderBase. Template: ApiTemplates/statuses.api (Post statuses/update,
// Post statuses/retweet/{id}).
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;

namespace CoreTweet.Core
{
    public abstract class ApiProviderBase { }
}

namespace CoreTweet
{
    public class Status { public long Id { get; set; } public string? Text { get; set; } }
    public class StatusResponse : Status { }
    public class MediaUploadResult { public long MediaId { get; set; } }

    public class TokensBase
    {
        public Rest.Statuses Statuses => throw null!;
        public Rest.Media Media => throw null!;
    }

    public class Tokens : TokensBase
    {
        public static Tokens Create(string consumerKey, string consumerSecret, string accessToken, string accessSecret) => throw null!;
    }
}

namespace CoreTweet.Rest
{
    using CoreTweet.Core;

    public partial class Statuses : ApiProviderBase
    {
        internal Statuses() { }

        public StatusResponse Show(params Expression<Func<string, object>>[] parameters) => throw null!;
        public StatusResponse Show(long id, bool? trim_user = null, bool? include_my_retweet = null, bool? include_entities = null, bool? include_ext_alt_text = null) => throw null!;
        public Task<StatusResponse> ShowAsync(long id, bool? trim_user = null, bool? include_my_retweet = null, bool? include_entities = null, bool? include_ext_alt_text = null, CancellationToken cancellationToken = default) => throw null!;

        public StatusResponse Update(params Expression<Func<string, object>>[] parameters) => throw null!;
        public StatusResponse Update(IDictionary<string, object> parameters) => throw null!;
        public StatusResponse Update<T>(T parameters) => throw null!;
        public StatusResponse Update(string status, long? in_reply_to_status_id = null, bool? possibly_sensitive = null, double? lat = null, double? @long = null, string? place_id = null, bool? display_coordinates = null, bool? trim_user = null, IEnumerable<long>? media_ids = null, bool? include_ext_alt_text = null) => throw null!;
        public Task<StatusResponse> UpdateAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<StatusResponse> UpdateAsync(IDictionary<string, object> parameters, CancellationToken cancellationToken = default) => throw null!;
        public Task<StatusResponse> UpdateAsync<T>(T parameters, CancellationToken cancellationToken = default) => throw null!;
        public Task<StatusResponse> UpdateAsync(string status, long? in_reply_to_status_id = null, bool? possibly_sensitive = null, double? lat = null, double? @long = null, string? place_id = null, bool? display_coordinates = null, bool? trim_user = null, IEnumerable<long>? media_ids = null, bool? include_ext_alt_text = null, CancellationToken cancellationToken = default) => throw null!;

        public StatusResponse Retweet(params Expression<Func<string, object>>[] parameters) => throw null!;
        public StatusResponse Retweet(long id, bool? trim_user = null) => throw null!;
        public Task<StatusResponse> RetweetAsync(long id, bool? trim_user = null, CancellationToken cancellationToken = default) => throw null!;

        public StatusResponse Destroy(long id, bool? trim_user = null, bool? include_ext_alt_text = null) => throw null!;
    }

    public partial class Media : ApiProviderBase
    {
        internal Media() { }
        public MediaUploadResult Upload(Stream media, IEnumerable<long>? additional_owners = null) => throw null!;
        public MediaUploadResult Upload(FileInfo media, IEnumerable<long>? additional_owners = null) => throw null!;
        public Task<MediaUploadResult> UploadAsync(Stream media, IEnumerable<long>? additional_owners = null, CancellationToken cancellationToken = default) => throw null!;
    }
}
