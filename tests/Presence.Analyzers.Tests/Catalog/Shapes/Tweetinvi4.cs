// Shape of TweetinviAPI 4.x (Tweetinvi): public API only, for tests.
// assembly: Tweetinvi
// The 4.x package ships several assemblies: the static entry points (Tweet, TweetAsync, Message, MessageAsync) are in
// Tweetinvi.dll, the model and parameter interfaces in Tweetinvi.Core.dll. This shape keeps them all in Tweetinvi,
// the assembly that holds the catalogued types. Source: linvi/tweetinvi Tweetinvi/Tweet.cs, TweetAsync.cs, Message.cs,
// MessageAsync.cs (4.x line: namespaces Tweetinvi.Models / Tweetinvi.Parameters).
#nullable enable
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Tweetinvi.Models
{
    public interface ITweetIdentifier { long Id { get; } string IdStr { get; } }
    public interface ITweet : ITweetIdentifier { string Text { get; } string FullText { get; } int RetweetCount { get; } }
    public interface IUserIdentifier { long Id { get; } string ScreenName { get; } }
    public interface IUser : IUserIdentifier { string Name { get; } }
    public interface IMessage { long Id { get; } string Text { get; } }
    public interface IOEmbedTweet { string HTML { get; } }
}

namespace Tweetinvi.Parameters
{
    public interface IPublishTweetOptionalParameters { long? InReplyToTweetId { get; set; } }
    public interface IPublishTweetParameters : IPublishTweetOptionalParameters { string Text { get; set; } }
    public interface IPublishMessageParameters { string Text { get; set; } long RecipientId { get; set; } }
}

namespace Tweetinvi
{
    using Tweetinvi.Models;
    using Tweetinvi.Parameters;

    public static class Tweet
    {
        public static ITweet GetTweet(long tweetId) => throw null!;
        public static IEnumerable<ITweet> GetTweets(params long[] tweetIds) => throw null!;
        public static IPublishTweetParameters CreatePublishTweetParameters(string text, IPublishTweetOptionalParameters? optionalParameters = null) => throw null!;
        public static int Length(string text, IPublishTweetOptionalParameters? publishTweetOptionalParameters = null) => throw null!;
        public static bool CanBePublished(string text, IPublishTweetOptionalParameters? publishTweetOptionalParameters = null) => throw null!;
        public static ITweet PublishTweet(IPublishTweetParameters publishTweetParameters) => throw null!;
        public static ITweet PublishTweet(string text, IPublishTweetOptionalParameters? publishTweetOptionalParameters = null) => throw null!;
        public static ITweet PublishTweetInReplyTo(string text, long tweetToReplyToId) => throw null!;
        public static ITweet PublishTweetInReplyTo(string text, ITweetIdentifier tweetToReplyTo) => throw null!;
        public static ITweet PublishRetweet(ITweet tweet) => throw null!;
        public static ITweet PublishRetweet(long tweetId) => throw null!;
        public static bool DestroyTweet(long tweetId) => throw null!;
        public static IEnumerable<ITweet> GetRetweets(long tweetId) => throw null!;
    }

    // Not static in the source: a class with static members only.
    public class TweetAsync
    {
        public static Task<ITweet> GetTweet(long tweetId) => throw null!;
        public static Task<ITweet> PublishTweet(string text, IPublishTweetOptionalParameters? parameters = null) => throw null!;
        public static Task<ITweet> PublishTweetInReplyTo(string text, ITweetIdentifier tweetToReplyTo) => throw null!;
        public static Task<ITweet> PublishTweetInReplyTo(string text, long tweetToReplyToId) => throw null!;
        public static Task<ITweet> PublishRetweet(ITweet tweet) => throw null!;
        public static Task<ITweet> PublishRetweet(long tweetId) => throw null!;
        public static Task<IEnumerable<ITweet>> GetRetweets(long tweetId) => throw null!;
    }

    public static class Message
    {
        public static IMessage GetExistingMessage(long messageId) => throw null!;
        public static IEnumerable<IMessage> GetLatestMessagesReceived(int maximumMessages = 40) => throw null!;
        public static IMessage PublishMessage(string text, IUser recipient) => throw null!;
        public static IMessage PublishMessage(string text, IUserIdentifier recipient) => throw null!;
        public static IMessage PublishMessage(string text, long recipientId) => throw null!;
        public static IMessage PublishMessage(string text, string recipientScreenName) => throw null!;
        public static IMessage PublishMessage(IPublishMessageParameters parameters) => throw null!;
        public static bool DestroyMessage(long messageId) => throw null!;
    }

    public class MessageAsync
    {
        public static Task<IMessage> GetExistingMessage(long messageId) => throw null!;
        public static Task<IMessage> PublishMessage(IPublishMessageParameters parameters) => throw null!;
        public static Task<IMessage> PublishMessage(string text, IUser targetUser) => throw null!;
        public static Task<IMessage> PublishMessage(string text, IUserIdentifier targetUserDTO) => throw null!;
        public static Task<IMessage> PublishMessage(string text, long targetUserId) => throw null!;
        public static Task<IMessage> PublishMessage(string text, string targetUserScreenName) => throw null!;
    }
}
