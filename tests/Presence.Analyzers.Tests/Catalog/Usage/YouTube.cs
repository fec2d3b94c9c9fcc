// uses: Google.Apis.YouTube.v3
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Services;
using Google.Apis.Upload;
using Google.Apis.YouTube.v3;
using Google.Apis.YouTube.v3.Data;

namespace UsageSamples.YouTube
{
    public class YouTubePublisher
    {
        private readonly YouTubeService _youtube = new YouTubeService(new BaseClientService.Initializer { ApplicationName = "uploader" });

        public async Task<IUploadProgress> UploadVideoAsync(Stream file, string title, CancellationToken ct)
        {
            var video = new Video { Snippet = new VideoSnippet { Title = title }, Status = new VideoStatus { PrivacyStatus = "public" } };
            // Insert only builds the upload; UploadAsync sends it.
            var insert = _youtube.Videos.Insert(video, "snippet,status", file, "video/*");
            insert.NotifySubscribers = true;
            return await {|PRES001:insert.UploadAsync(ct)|};
        }

        public void UploadVideoSync(Stream file, Video video)
        {
            VideosResource.InsertMediaUpload insert = _youtube.Videos.Insert(video, "snippet", file, "video/mp4");
            {|PRES001:insert.Upload()|};
        }

        public async Task ResumeAsync(VideosResource.InsertMediaUpload interrupted)
        {
            {|PRES001:interrupted.Resume()|};
            await {|PRES001:interrupted.ResumeAsync()|};
        }

        public async Task CommentAsync(string videoId, string text, string parentId)
        {
            var thread = new CommentThread { Snippet = new CommentThreadSnippet { VideoId = videoId, TopLevelComment = new Comment { Snippet = new CommentSnippet { TextOriginal = text } } } };
            await {|PRES001:_youtube.CommentThreads.Insert(thread, "snippet").ExecuteAsync()|};
            var request = _youtube.CommentThreads.Insert(thread, "snippet");
            {|PRES001:request.Execute()|};
            var reply = new Comment { Snippet = new CommentSnippet { ParentId = parentId, TextOriginal = text } };
            await {|PRES001:_youtube.Comments.Insert(reply, "snippet").ExecuteAsync(CancellationToken.None)|};
            {|PRES001:_youtube.Comments.Insert(reply, "snippet").Execute()|};
        }

        public async Task LiveChatAsync(LiveChatMessage message)
        {
            await {|PRES001:_youtube.LiveChatMessages.Insert(message, "snippet").ExecuteAsync()|};
            {|PRES001:_youtube.LiveChatMessages.Insert(message, "snippet").Execute()|};
        }

        // ---- not publishes: reads, caption and thumbnail uploads, a metadata-only insert request never sent ----
        public async Task NotPublishingAsync(Stream captionFile, Stream thumbnail, string videoId, Video video)
        {
            await _youtube.Videos.List("snippet").ExecuteAsync();
            _youtube.CommentThreads.List("snippet").Execute();
            await _youtube.Captions.Insert(new Caption(), "snippet", captionFile, "*/*").UploadAsync();
            _youtube.Thumbnails.Set(videoId, thumbnail, "image/png").Upload();
            var unsent = _youtube.Videos.Insert(video, "snippet");
            _ = unsent.MethodName;
        }
    }
}
