// Shape of linqtotwitter 5.x and 6.x (LinqToTwitter): public API only, for tests.
// assembly: LinqToTwitter
// TwitterContext is a partial class spread over *Commands.cs files. 5.x posts through v1.1 (TweetAsync(string status, ...),
// ReplyAsync(ulong tweetID, string status, ...), RetweetAsync(ulong) -> Task<Status>); 6.x adds the v2 commands
// (TweetAsync(string text, Uri? directMessageLink, ...), TweetMediaAsync, TweetPollAsync, ReplyAsync(string text,
// string replyTweetID, ...) -> Task<Tweet?>, RetweetAsync(string userID, string tweetID)). The LinqToTwitter6 source tree
// holds both Status/TwitterContextStatusCommands.cs (v1.1) and Tweet/TwitterContextTweetCommands.cs (v2), so both sets
// are declared here on one class. Only a subset of the v1.1 overloads is reproduced.
// Source: JoeMayo/LinqToTwitter src/LinqToTwitter6/LinqToTwitter/{Status,Tweet,DirectMessageEvents,Media}/*Commands.cs.
// The return type of the v2 RetweetAsync(string, string) was not seen in the source (named RetweetResponse here).
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LinqToTwitter
{
    public interface IAuthorizer { }
    public class SingleUserAuthorizer : IAuthorizer { }
    public enum TweetMode { Compat, Extended }
    public enum TweetReplySettings { None, MentionedUsers, Following }
    public class TweetGeo { public string? PlaceID { get; set; } }
    public class Status { public ulong StatusID { get; set; } public string? Text { get; set; } public Media? Media { get; set; } }
    public class Tweet { public string? ID { get; set; } public string? Text { get; set; } }
    public class TweetDeletedResponse { }
    public class RetweetResponse { }
    public class Media { public ulong MediaID { get; set; } }
    public class DirectMessageEvents { }
    public class QuickReplyOption { public string? Label { get; set; } }
    public class CallToAction { public string? Label { get; set; } }

    public partial class TwitterContext : IDisposable
    {
        public TwitterContext(IAuthorizer authorizer) { }
        public string? RawResult { get; protected set; }
        public void Dispose() { }

        // ---- raw queries (6.x: Raw/TwitterContextRawCommands.cs) ----
        public Task<string> ExecuteRawAsync(string queryString, Dictionary<string, string> parameters, CancellationToken cancelToken = default) => throw null!;
        public Task<string> ExecuteRawAsync(string queryString, Dictionary<string, string> parameters, System.Net.Http.HttpMethod method, CancellationToken cancelToken = default) => throw null!;

        // ---- v1.1 status commands (5.x; still present in early 6.x) ----
        public virtual Task<Status> TweetAsync(string status, TweetMode tweetMode = TweetMode.Compat) => throw null!;
        public virtual Task<Status> TweetAsync(string status, string attachmentUrl, TweetMode tweetMode = TweetMode.Compat) => throw null!;
        public Task<Status> TweetAsync(string status, decimal latitude, decimal longitude, TweetMode tweetMode = TweetMode.Compat) => throw null!;
        public virtual Task<Status> TweetAsync(string status, IEnumerable<ulong> mediaIds, TweetMode tweetMode = TweetMode.Compat) => throw null!;
        public virtual Task<Status> ReplyAsync(ulong tweetID, string status) => throw null!;
        public virtual Task<Status> ReplyAsync(ulong tweetID, string status, TweetMode tweetMode) => throw null!;
        public Task<Status> ReplyAsync(ulong tweetID, string status, IEnumerable<ulong> mediaIds, TweetMode tweetMode = TweetMode.Compat) => throw null!;
        public virtual Task<Status> DeleteTweetAsync(ulong tweetID, CancellationToken cancelToken = default) => throw null!;
        public virtual Task<Status> RetweetAsync(ulong tweetID, CancellationToken cancelToken = default) => throw null!;

        // ---- v2 tweet commands (6.x) ----
        public Task<Tweet?> TweetAsync(string text, Uri? directMessageLink = null, bool forSuperFollowersOnly = false, TweetGeo? geo = null, string? quoteTweetID = null, TweetReplySettings? replySettings = null, CancellationToken cancelToken = default) => throw null!;
        public Task<Tweet?> TweetMediaAsync(string text, IEnumerable<string> mediaIds, IEnumerable<string>? taggedUserIds = null, Uri? directMessageLink = null, bool forSuperFollowersOnly = false, TweetGeo? geo = null, string? quoteTweetID = null, TweetReplySettings? replySettings = null, CancellationToken cancelToken = default) => throw null!;
        public Task<Tweet?> TweetPollAsync(string text, int duration, IEnumerable<string>? options = null, Uri? directMessageLink = null, bool forSuperFollowersOnly = false, TweetGeo? geo = null, string? quoteTweetID = null, TweetReplySettings? replySettings = null, CancellationToken cancelToken = default) => throw null!;
        public Task<Tweet?> ReplyAsync(string text, string replyTweetID, IEnumerable<string>? excludeUserIds = null, Uri? directMessageLink = null, bool forSuperFollowersOnly = false, TweetGeo? geo = null, string? quoteTweetID = null, TweetReplySettings? replySettings = null, CancellationToken cancelToken = default) => throw null!;
        public Task<TweetDeletedResponse?> DeleteTweetAsync(string tweetID, CancellationToken cancelToken = default) => throw null!;
        public Task<bool> HideTweetAsync(string tweetID, CancellationToken cancelToken = default) => throw null!;
        public Task<RetweetResponse?> RetweetAsync(string userID, string tweetID, CancellationToken cancelToken = default) => throw null!;

        // ---- direct messages (v1.1 events) ----
        public Task<DirectMessageEvents?> NewDirectMessageEventAsync(ulong recipientID, string text, ulong mediaId, CancellationToken cancelToken = default) => throw null!;
        public Task<DirectMessageEvents?> NewDirectMessageEventAsync(ulong recipientID, string text, double latitude, double longitude, CancellationToken cancelToken = default) => throw null!;
        public Task<DirectMessageEvents?> NewDirectMessageEventAsync(ulong recipientID, string text, string placeID, CancellationToken cancelToken = default) => throw null!;
        public Task<DirectMessageEvents?> NewDirectMessageEventAsync(ulong recipientID, string text, CancellationToken cancelToken = default) => throw null!;
        public Task<DirectMessageEvents?> RequestQuickReplyOptionsAsync(ulong recipientID, string text, IEnumerable<QuickReplyOption> options, CancellationToken cancelToken = default) => throw null!;
        public Task<DirectMessageEvents?> RequestButtonChoiceAsync(ulong recipientID, string text, IEnumerable<CallToAction> callToActions, CancellationToken cancelToken = default) => throw null!;
        public Task DeleteDirectMessageEventAsync(ulong directMessageID, CancellationToken cancelToken = default) => throw null!;
        public Task IndicateTypingAsync(ulong recipientID, CancellationToken cancelToken = default) => throw null!;

        // ---- media (upload precedes a tweet; not itself a publish) ----
        public virtual Task<Media> UploadMediaAsync(byte[] media, string mediaType, string mediaCategory, bool shared = false, CancellationToken cancelToken = default) => throw null!;
        public virtual Task<Media> UploadMediaAsync(byte[] media, string mediaType, IEnumerable<ulong> additionalOwners, string mediaCategory, bool shared = false, CancellationToken cancelToken = default) => throw null!;
        public virtual Task CreateMediaMetadataAsync(ulong mediaID, string altText, CancellationToken cancelToken = default) => throw null!;
    }
}
