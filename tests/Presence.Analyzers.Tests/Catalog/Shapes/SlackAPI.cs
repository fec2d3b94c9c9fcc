// Shape of SlackAPI 1.1.x (SlackAPI): public API only, for tests.
// assembly: SlackAPI
// Source: Inumedia/SlackAPI SlackTaskClient.cs (PostMessageAsync(string channelId, string text, string botName = null,
// string parse = null, bool linkNames = false, IBlock[] blocks = null, Attachment[] attachments = null, bool? unfurl_links,
// string icon_url, string icon_emoji, bool as_user, string thread_ts) -> Task<PostMessageResponse>; PostEphemeralMessageAsync,
// ScheduleMessageAsync, UpdateAsync, UploadFileAsync) and SlackClient.cs (callback style: PostMessage(Action<PostMessageResponse>
// callback, string channelId, string text, ...) and the same set). Trailing optional parameters are abbreviated.
#nullable enable
using System;
using System.Threading.Tasks;

namespace SlackAPI
{
    public interface IBlock { }
    public class Attachment { public string? text { get; set; } }
    public class Response { public bool ok; public string? error; }
    public class PostMessageResponse : Response { public string? ts; public string? channel; }
    public class PostEphemeralResponse : Response { }
    public class ScheduleMessageResponse : Response { }
    public class UpdateResponse : Response { }
    public class FileUploadResponse : Response { }
    public class UserEmailLookupResponse : Response { }
    public class ChannelListResponse : Response { }

    public class SlackTaskClient
    {
        public SlackTaskClient(string token) { }
        public Task<PostMessageResponse> PostMessageAsync(string channelId, string text, string? botName = null, string? parse = null, bool linkNames = false, IBlock[]? blocks = null, Attachment[]? attachments = null, bool? unfurl_links = null, string? icon_url = null, string? icon_emoji = null, bool as_user = false, string? thread_ts = null) => throw null!;
        public Task<PostEphemeralResponse> PostEphemeralMessageAsync(string channelId, string text, string targetuser, string? parse = null, bool linkNames = false, IBlock[]? blocks = null, Attachment[]? attachments = null, bool as_user = false, string? thread_ts = null) => throw null!;
        public Task<ScheduleMessageResponse> ScheduleMessageAsync(string channelId, DateTime post_at, string text, string? botName = null, string? parse = null, bool linkNames = false, IBlock[]? blocks = null, Attachment[]? attachments = null) => throw null!;
        public Task<UpdateResponse> UpdateAsync(string ts, string channelId, string text, string? botName = null, string? parse = null, bool linkNames = false, IBlock[]? blocks = null, Attachment[]? attachments = null, bool? as_user = null) => throw null!;
        public Task<FileUploadResponse> UploadFileAsync(byte[] fileData, string fileName, string[] channelIds, string? title = null, string? initialComment = null, bool useAsync = false, string? fileType = null) => throw null!;
        public Task<UserEmailLookupResponse> GetUserByEmailAsync(string email) => throw null!;
        public Task<ChannelListResponse> GetChannelListAsync(bool ExcludeArchived = true) => throw null!;
    }

    public class SlackClient
    {
        public SlackClient(string token) { }
        public void PostMessage(Action<PostMessageResponse> callback, string channelId, string text, string? botName = null, string? parse = null, bool linkNames = false, IBlock[]? blocks = null, Attachment[]? attachments = null, bool? unfurl_links = null, string? icon_url = null, string? icon_emoji = null, bool as_user = false, string? thread_ts = null) => throw null!;
        public void PostEphemeralMessage(Action<PostEphemeralResponse> callback, string channelId, string text, string targetuser, string? parse = null, bool linkNames = false, IBlock[]? blocks = null, Attachment[]? attachments = null, bool as_user = false, string? thread_ts = null) => throw null!;
        public void ScheduleMessage(Action<ScheduleMessageResponse> callback, string channelId, DateTime post_at, string text, string? botName = null) => throw null!;
        public void Update(Action<UpdateResponse> callback, string ts, string channelId, string text, string? botName = null, string? parse = null, bool linkNames = false, IBlock[]? blocks = null, Attachment[]? attachments = null, bool? as_user = null) => throw null!;
        public void UploadFile(Action<FileUploadResponse> callback, byte[] fileData, string fileName, string[] channelIds, string? title = null, string? initialComment = null, bool useAsync = false, string? fileType = null) => throw null!;
        public void GetChannelList(Action<ChannelListResponse> callback, bool ExcludeArchived = true) => throw null!;
    }
}
