// Shape of TweetinviAPI 5.0.x (Tweetinvi.Core): public API only, for tests.
// assembly: Tweetinvi.Core
// The 5.x package ships several assemblies: the client interfaces (ITweetsClient, IMessagesClient, IUploadClient,
// ITwitterClient) and the models (ITweet) are in Tweetinvi.Core.dll, the implementations (TwitterClient, TweetsClient,
// MessagesClient) in Tweetinvi.dll. This shape keeps them all in Tweetinvi.Core, the assembly of the catalogued
// interfaces. Source: linvi/tweetinvi src/Tweetinvi.Core/Public/Client/Clients/*.cs, Public/Models/Interfaces/ITweet.cs.
#nullable enable
using System.Threading.Tasks;

namespace Tweetinvi.Models
{
    public interface ITweetIdentifier { long Id { get; } string IdStr { get; } }
    public interface IUserIdentifier { long Id { get; } string ScreenName { get; } }
    public interface IMedia { long? Id { get; } }
    public interface IMessage { long Id { get; } string Text { get; } }

    public interface ITweet : ITweetIdentifier
    {
        ITwitterClient Client { get; set; }
        string Text { get; }
        string FullText { get; }
        int RetweetCount { get; }
        Task FavoriteAsync();
        Task UnfavoriteAsync();
        Task<ITweet> PublishRetweetAsync();
        Task<ITweet[]> GetRetweetsAsync();
        Task DestroyRetweetAsync();
        Task DestroyAsync();
    }
}

namespace Tweetinvi.Parameters
{
    using System.Collections.Generic;
    using Tweetinvi.Models;

    public interface IPublishTweetParameters { string Text { get; set; } List<IMedia> Medias { get; set; } long? InReplyToTweetId { get; set; } }
    public class PublishTweetParameters : IPublishTweetParameters
    {
        public PublishTweetParameters(string? text = null) { }
        public string Text { get; set; } = "";
        public List<IMedia> Medias { get; set; } = new();
        public long? InReplyToTweetId { get; set; }
    }
    public interface IPublishRetweetParameters { long TweetId { get; } }
    public interface IPublishMessageParameters { string Text { get; set; } long RecipientId { get; set; } }
    public class PublishMessageParameters : IPublishMessageParameters
    {
        public PublishMessageParameters(string text, long recipientId) { }
        public string Text { get; set; } = "";
        public long RecipientId { get; set; }
    }
    public interface IGetTweetParameters { }
}

namespace Tweetinvi.Client
{
    using Tweetinvi.Models;
    using Tweetinvi.Parameters;

    public interface ITweetsClient
    {
        Task<ITweet> GetTweetAsync(long tweetId);
        Task<ITweet> GetTweetAsync(IGetTweetParameters parameters);
        Task<ITweet> PublishTweetAsync(string text);
        Task<ITweet> PublishTweetAsync(IPublishTweetParameters parameters);
        Task DestroyTweetAsync(long tweetId);
        Task<ITweet[]> GetRetweetsAsync(long tweetId);
        Task<ITweet> PublishRetweetAsync(long tweetId);
        Task<ITweet> PublishRetweetAsync(ITweetIdentifier tweet);
        Task<ITweet> PublishRetweetAsync(IPublishRetweetParameters parameters);
        Task FavoriteTweetAsync(long tweetId);
    }

    public interface IMessagesClient
    {
        Task<IMessage> PublishMessageAsync(string text, IUserIdentifier recipient);
        Task<IMessage> PublishMessageAsync(string text, long recipientId);
        Task<IMessage> PublishMessageAsync(IPublishMessageParameters parameters);
        Task<IMessage> GetMessageAsync(long messageId);
        Task<IMessage[]> GetMessagesAsync();
        Task DestroyMessageAsync(long messageId);
    }

    public interface IUploadClient
    {
        Task<IMedia> UploadBinaryAsync(byte[] binary);
        Task<IMedia> UploadTweetImageAsync(byte[] binary);
        Task<IMedia> UploadMessageImageAsync(byte[] binary);
        Task<IMedia> UploadTweetVideoAsync(byte[] binary);
        Task<IMedia> UploadMessageVideoAsync(byte[] binary);
    }

    // Implementations (Tweetinvi.dll in the real package).
    public class TweetsClient : ITweetsClient
    {
        public Task<ITweet> GetTweetAsync(long tweetId) => throw null!;
        public Task<ITweet> GetTweetAsync(IGetTweetParameters parameters) => throw null!;
        public Task<ITweet> PublishTweetAsync(string text) => throw null!;
        public Task<ITweet> PublishTweetAsync(IPublishTweetParameters parameters) => throw null!;
        public Task DestroyTweetAsync(long tweetId) => throw null!;
        public Task<ITweet[]> GetRetweetsAsync(long tweetId) => throw null!;
        public Task<ITweet> PublishRetweetAsync(long tweetId) => throw null!;
        public Task<ITweet> PublishRetweetAsync(ITweetIdentifier tweet) => throw null!;
        public Task<ITweet> PublishRetweetAsync(IPublishRetweetParameters parameters) => throw null!;
        public Task FavoriteTweetAsync(long tweetId) => throw null!;
    }

    public class MessagesClient : IMessagesClient
    {
        public Task<IMessage> PublishMessageAsync(string text, IUserIdentifier recipient) => throw null!;
        public Task<IMessage> PublishMessageAsync(string text, long recipientId) => throw null!;
        public Task<IMessage> PublishMessageAsync(IPublishMessageParameters parameters) => throw null!;
        public Task<IMessage> GetMessageAsync(long messageId) => throw null!;
        public Task<IMessage[]> GetMessagesAsync() => throw null!;
        public Task DestroyMessageAsync(long messageId) => throw null!;
    }
}

// The raw-request escape hatch (src/Tweetinvi.Core/Public/Client/Clients/IExecuteClient.cs, Core/Web/ITwitterRequest.cs).
namespace Tweetinvi.Core.Web
{
    public interface ITwitterQuery
    {
        string Url { get; set; }
        Tweetinvi.Models.HttpMethod HttpMethod { get; set; }
        System.Net.Http.HttpContent? HttpContent { get; set; }
    }

    public interface ITwitterRequest { ITwitterQuery Query { get; set; } }
}

namespace Tweetinvi.Models
{
    public enum HttpMethod { GET, POST, DELETE, PUT }

    public interface ITwitterResult { string? Content { get; } }

    public interface ITwitterResult<T> : ITwitterResult { T Model { get; } }
}

namespace Tweetinvi.Client
{
    using System;
    using Tweetinvi.Core.Web;
    using Tweetinvi.Models;

    public interface IExecuteClient
    {
        Task<ITwitterResult<T>> AdvanceRequestAsync<T>(Action<ITwitterRequest> configureRequest) where T : class;
        Task<ITwitterResult> AdvanceRequestAsync(Action<ITwitterRequest> configureRequest);
        Task<ITwitterResult<T>> RequestAsync<T>(Action<ITwitterQuery> configureQuery) where T : class;
        Task<ITwitterResult> RequestAsync(Action<ITwitterQuery> configureQuery);
    }
}

namespace Tweetinvi
{
    using Tweetinvi.Client;

    public interface ITwitterClient
    {
        ITweetsClient Tweets { get; }
        IMessagesClient Messages { get; }
        IUploadClient Upload { get; }
        IExecuteClient Execute { get; }
    }

    // Tweetinvi.dll in the real package.
    public class TwitterClient : ITwitterClient
    {
        public TwitterClient(string consumerKey, string consumerSecret, string accessToken, string accessSecret) { }
        public ITweetsClient Tweets => throw null!;
        public IMessagesClient Messages => throw null!;
        public IUploadClient Upload => throw null!;
        public IExecuteClient Execute => throw null!;
    }
}
