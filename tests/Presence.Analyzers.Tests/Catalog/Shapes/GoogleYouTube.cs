// Shape of Google.Apis.YouTube.v3 1.x (Google.Apis.YouTube.v3): public API only, for tests.
// assembly: Google.Apis.YouTube.v3
// references: Google.Apis
// The generated resources derive from Google.Apis.dll types (ResumableUpload<TRequest, TResponse>, ClientServiceRequest<T>),
// so this shape references the Google.Apis shape (GoogleApis.cs); the real package depends on Google.Apis too.
// Source: googleapis/google-api-dotnet-client Src/Generated/Google.Apis.YouTube.v3/Google.Apis.YouTube.v3.cs:
// YouTubeService properties Captions, CommentThreads, Comments, LiveChatMessages, Thumbnails, Videos ...;
// VideosResource.Insert(Video body, Repeatable<string> part, Stream stream, string contentType) -> InsertMediaUpload
// : ResumableUpload<Video, Video>; Insert(Video, Repeatable<string>) -> InsertRequest (metadata only);
// CommentThreadsResource.Insert(CommentThread, Repeatable<string>) -> InsertRequest : YouTubeBaseServiceRequest<CommentThread>;
// CommentsResource.Insert(Comment, Repeatable<string>) -> InsertRequest (reply to a comment);
// LiveChatMessagesResource.Insert(LiveChatMessage, Repeatable<string>) -> InsertRequest (live chat message);
// CaptionsResource.Insert(Caption, Repeatable<string>, Stream, string) -> InsertMediaUpload (captions: not a publish);
// ThumbnailsResource.Set(string videoId, Stream, string) -> SetMediaUpload (thumbnail upload: not a publish).
#nullable enable
using System.IO;
using Google.Apis.Requests;
using Google.Apis.Services;
using Google.Apis.Upload;
using Google.Apis.Util;

namespace Google.Apis.YouTube.v3.Data
{
    public class VideoSnippet { public string? Title { get; set; } public string? Description { get; set; } }
    public class VideoStatus { public string? PrivacyStatus { get; set; } }
    public class Video { public string? Id { get; set; } public VideoSnippet? Snippet { get; set; } public VideoStatus? Status { get; set; } }
    public class VideoListResponse { }
    public class CommentSnippet { public string? TextOriginal { get; set; } public string? ParentId { get; set; } }
    public class Comment { public CommentSnippet? Snippet { get; set; } }
    public class CommentThreadSnippet { public string? VideoId { get; set; } public Comment? TopLevelComment { get; set; } }
    public class CommentThread { public CommentThreadSnippet? Snippet { get; set; } }
    public class CommentThreadListResponse { }
    public class LiveChatMessage { }
    public class Caption { }
    public class ThumbnailSetResponse { }
}

namespace Google.Apis.YouTube.v3
{
    using Google.Apis.YouTube.v3.Data;

    public class YouTubeService : BaseClientService
    {
        public YouTubeService(Initializer initializer) : base(initializer) { }
        public override string Name => "youtube";
        public override string BaseUri => "https://youtube.googleapis.com/";
        public virtual CaptionsResource Captions { get; } = null!;
        public virtual CommentThreadsResource CommentThreads { get; } = null!;
        public virtual CommentsResource Comments { get; } = null!;
        public virtual LiveChatMessagesResource LiveChatMessages { get; } = null!;
        public virtual ThumbnailsResource Thumbnails { get; } = null!;
        public virtual VideosResource Videos { get; } = null!;
    }

    public abstract class YouTubeBaseServiceRequest<TResponse> : ClientServiceRequest<TResponse>
    {
        protected YouTubeBaseServiceRequest(IClientService service) : base(service) { }
        public override string HttpMethod => "POST";
    }

    public class VideosResource
    {
        public VideosResource(IClientService service) { }

        public virtual InsertRequest Insert(Video body, Repeatable<string> part) => throw null!;
        public virtual InsertMediaUpload Insert(Video body, Repeatable<string> part, Stream stream, string contentType) => throw null!;
        public virtual ListRequest List(Repeatable<string> part) => throw null!;

        public class InsertRequest : YouTubeBaseServiceRequest<Video>
        {
            public InsertRequest(IClientService service, Video body, Repeatable<string> part) : base(service) { }
            public override string MethodName => "insert";
            public override string RestPath => "youtube/v3/videos";
        }

        public class ListRequest : YouTubeBaseServiceRequest<VideoListResponse>
        {
            public ListRequest(IClientService service, Repeatable<string> part) : base(service) { }
            public virtual string? Id { get; set; }
            public override string MethodName => "list";
            public override string RestPath => "youtube/v3/videos";
        }

        public class InsertMediaUpload : ResumableUpload<Video, Video>
        {
            public InsertMediaUpload(IClientService service, Video body, Repeatable<string> part, Stream stream, string contentType)
                : base(service, "youtube/v3/videos", "POST", stream, contentType) { }
            public virtual bool? NotifySubscribers { get; set; }
        }
    }

    public class CommentThreadsResource
    {
        public CommentThreadsResource(IClientService service) { }
        public virtual InsertRequest Insert(CommentThread body, Repeatable<string> part) => throw null!;
        public virtual ListRequest List(Repeatable<string> part) => throw null!;

        public class InsertRequest : YouTubeBaseServiceRequest<CommentThread>
        {
            public InsertRequest(IClientService service, CommentThread body, Repeatable<string> part) : base(service) { }
            public override string MethodName => "insert";
            public override string RestPath => "youtube/v3/commentThreads";
        }

        public class ListRequest : YouTubeBaseServiceRequest<CommentThreadListResponse>
        {
            public ListRequest(IClientService service, Repeatable<string> part) : base(service) { }
            public virtual string? VideoId { get; set; }
            public override string MethodName => "list";
            public override string RestPath => "youtube/v3/commentThreads";
        }
    }

    public class CommentsResource
    {
        public CommentsResource(IClientService service) { }
        public virtual InsertRequest Insert(Comment body, Repeatable<string> part) => throw null!;

        public class InsertRequest : YouTubeBaseServiceRequest<Comment>
        {
            public InsertRequest(IClientService service, Comment body, Repeatable<string> part) : base(service) { }
            public override string MethodName => "insert";
            public override string RestPath => "youtube/v3/comments";
        }
    }

    public class LiveChatMessagesResource
    {
        public LiveChatMessagesResource(IClientService service) { }
        public virtual InsertRequest Insert(LiveChatMessage body, Repeatable<string> part) => throw null!;

        public class InsertRequest : YouTubeBaseServiceRequest<LiveChatMessage>
        {
            public InsertRequest(IClientService service, LiveChatMessage body, Repeatable<string> part) : base(service) { }
            public override string MethodName => "insert";
            public override string RestPath => "youtube/v3/liveChat/messages";
        }
    }

    public class CaptionsResource
    {
        public CaptionsResource(IClientService service) { }
        public virtual InsertMediaUpload Insert(Caption body, Repeatable<string> part, Stream stream, string contentType) => throw null!;

        public class InsertMediaUpload : ResumableUpload<Caption, Caption>
        {
            public InsertMediaUpload(IClientService service, Caption body, Repeatable<string> part, Stream stream, string contentType)
                : base(service, "youtube/v3/captions", "POST", stream, contentType) { }
        }
    }

    public class ThumbnailsResource
    {
        public ThumbnailsResource(IClientService service) { }
        public virtual SetMediaUpload Set(string videoId, Stream stream, string contentType) => throw null!;

        public class SetMediaUpload : ResumableUpload<string, ThumbnailSetResponse>
        {
            public SetMediaUpload(IClientService service, string videoId, Stream stream, string contentType)
                : base(service, "youtube/v3/thumbnails/set", "POST", stream, contentType) { }
        }
    }
}
