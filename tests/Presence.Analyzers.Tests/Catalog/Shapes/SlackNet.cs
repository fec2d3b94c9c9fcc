// Shape of SlackNet 0.x (SlackNet): public API only, for tests.
// assembly: SlackNet
// Source: soxtoby/SlackNet SlackNet/WebApi/ChatApi.cs (IChatApi / ChatApi: Delete, MeMessage, PostMessage, ScheduleMessage,
// PostEphemeral, Unfurl, Update; no Async suffix; CancellationToken? cancellationToken = null) and WebApi/FilesApi.cs
// (IFilesApi: Delete, Info, List, RevokePublicUrl, SharedPublicUrl, Upload(string | byte[] | Stream, ..., IEnumerable<string>
// channels, ...), UploadSnippet). Reached as ISlackApiClient.Chat / .Files.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SlackNet
{
    using SlackNet.WebApi;

    public class Attachment { public string? Text { get; set; } }

    public interface ISlackApiClient
    {
        IChatApi Chat { get; }
        IFilesApi Files { get; }
        IConversationsApi Conversations { get; }

        // Any Web API method by name (SlackApiClient.cs).
        Task Post(string apiMethod, Dictionary<string, object> args, CancellationToken? cancellationToken);
        Task<T> Post<T>(string apiMethod, Dictionary<string, object> args, CancellationToken? cancellationToken) where T : class;
    }

    public class SlackApiClient : ISlackApiClient
    {
        public SlackApiClient(string token) { }
        public IChatApi Chat => throw null!;
        public IFilesApi Files => throw null!;
        public IConversationsApi Conversations => throw null!;
        public Task Post(string apiMethod, Dictionary<string, object> args, CancellationToken? cancellationToken) => throw null!;
        public Task<T> Post<T>(string apiMethod, Dictionary<string, object> args, CancellationToken? cancellationToken) where T : class => throw null!;
    }
}

namespace SlackNet.WebApi
{
    public class Message
    {
        public string? Channel { get; set; }
        public string? Text { get; set; }
        public string? ThreadTs { get; set; }
        public IList<SlackNet.Attachment> Attachments { get; set; } = new List<SlackNet.Attachment>();
    }
    public class MessageUpdate { public string? ChannelId { get; set; } public string? Ts { get; set; } public string? Text { get; set; } }
    public class MessageTsResponse { public string? Ts { get; set; } }
    public class PostMessageResponse : MessageTsResponse { }
    public class ScheduleMessageResponse { public string? ScheduledMessageId { get; set; } }
    public class MessageUpdateResponse : MessageTsResponse { }
    public class PermalinkResponse { public string? Permalink { get; set; } }
    public class FileResponse { }
    public class FileAndCommentsResponse { }
    public class FileListResponse { }
    public class ConversationHistoryResponse { }

    public interface IChatApi
    {
        Task<MessageTsResponse> Delete(string ts, string channelId, bool asUser = false, CancellationToken? cancellationToken = null);
        Task<PermalinkResponse> GetPermalink(string channelId, string messageTs, CancellationToken? cancellationToken = null);
        Task<MessageTsResponse> MeMessage(string channel, string text, CancellationToken? cancellationToken = null);
        Task<PostMessageResponse> PostMessage(Message message, CancellationToken? cancellationToken = null);
        Task<ScheduleMessageResponse> ScheduleMessage(Message message, DateTime postAt, CancellationToken? cancellationToken = null);
        Task<PostMessageResponse> PostEphemeral(string userId, Message message, CancellationToken? cancellationToken = null);
        Task Unfurl(string channelId, string ts, IDictionary<string, SlackNet.Attachment> unfurls, bool userAuthRequired = false, CancellationToken? cancellationToken = null);
        Task<MessageUpdateResponse> Update(MessageUpdate messageUpdate, CancellationToken? cancellationToken = null);
    }

    public class ChatApi : IChatApi
    {
        public ChatApi(ISlackApiClient client) { }
        public Task<MessageTsResponse> Delete(string ts, string channelId, bool asUser = false, CancellationToken? cancellationToken = null) => throw null!;
        public Task<PermalinkResponse> GetPermalink(string channelId, string messageTs, CancellationToken? cancellationToken = null) => throw null!;
        public Task<MessageTsResponse> MeMessage(string channel, string text, CancellationToken? cancellationToken = null) => throw null!;
        public Task<PostMessageResponse> PostMessage(Message message, CancellationToken? cancellationToken = null) => throw null!;
        public Task<ScheduleMessageResponse> ScheduleMessage(Message message, DateTime postAt, CancellationToken? cancellationToken = null) => throw null!;
        public Task<PostMessageResponse> PostEphemeral(string userId, Message message, CancellationToken? cancellationToken = null) => throw null!;
        public Task Unfurl(string channelId, string ts, IDictionary<string, SlackNet.Attachment> unfurls, bool userAuthRequired = false, CancellationToken? cancellationToken = null) => throw null!;
        public Task<MessageUpdateResponse> Update(MessageUpdate messageUpdate, CancellationToken? cancellationToken = null) => throw null!;
    }

    public interface IFilesApi
    {
        Task Delete(string fileId, CancellationToken? cancellationToken = null);
        Task<FileAndCommentsResponse> Info(string fileId, int count = 100, int page = 1, string? cursor = null, CancellationToken? cancellationToken = null);
        Task<FileListResponse> List(string? userId = null, string? channelId = null, string? tsFrom = null, string? tsTo = null, int count = 100, int page = 1, CancellationToken? cancellationToken = null);
        Task<FileAndCommentsResponse> SharedPublicUrl(string fileId, CancellationToken? cancellationToken = null);
        Task<FileResponse> Upload(string fileContents, string? fileType = null, string? fileName = null, string? title = null, string? initialComment = null, string? threadTs = null, IEnumerable<string>? channels = null, CancellationToken? cancellationToken = null);
        Task<FileResponse> Upload(byte[] fileContents, string? fileType = null, string? fileName = null, string? title = null, string? initialComment = null, string? threadTs = null, IEnumerable<string>? channels = null, CancellationToken? cancellationToken = null);
        Task<FileResponse> Upload(Stream fileContents, string? fileType = null, string? fileName = null, string? title = null, string? initialComment = null, string? threadTs = null, IEnumerable<string>? channels = null, CancellationToken? cancellationToken = null);
        Task<FileResponse> UploadSnippet(string snippet, string? fileType = null, string? fileName = null, string? title = null, string? initialComment = null, string? threadTs = null, IEnumerable<string>? channels = null, CancellationToken? cancellationToken = null);
    }

    public interface IConversationsApi
    {
        Task<ConversationHistoryResponse> History(string channelId, string? latestTs = null, string? oldestTs = null, bool inclusive = false, int limit = 100, string? cursor = null, CancellationToken? cancellationToken = null);
    }
}
