// Shape of Mastonet 3.x (Mastonet): public API only, for tests.
// assembly: Mastonet
// Source: glacasa/Mastonet Mastonet/IMastodonClient.cs (string ids, PublishStatus/EditStatus/Reblog, UploadMedia with
// description/focus) and MastodonClient.*.cs (partial class). Mastonet 1.x named the post method PostStatus (long ids,
// Mastonet/MastodonClient.Status.cs in the 1.x line); it is kept here on MastodonClient only (not on the interface), so the
// shape of the current interface stays exact.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Mastonet.Entities
{
    public class Status { public string Id { get; set; } = ""; public string Content { get; set; } = ""; }
    public class Attachment { public string Id { get; set; } = ""; }
    public class Account { public string Id { get; set; } = ""; }
    public class Instance { }
    public class AttachmentFocusData { public double X { get; set; } public double Y { get; set; } }
}

namespace Mastonet
{
    using Mastonet.Entities;

    public enum Visibility { Public, Unlisted, Private, Direct }
    public class PollParameters { public IEnumerable<string> Options { get; set; } = Array.Empty<string>(); public TimeSpan ExpiresIn { get; set; } }
    public class ArrayOptions { public string? MaxId { get; set; } public int? Limit { get; set; } }
    public class MastodonList<T> : List<T> { }
    public class MediaDefinition { public MediaDefinition(Stream media, string fileName) { } }
    public class AppRegistration { }
    public class Auth { }

    public interface IBaseHttpClient
    {
        string Instance { get; }
    }

    public interface IMastodonClient : IBaseHttpClient
    {
        Task<Instance> GetInstance();
        Task<Attachment> UploadMedia(Stream data, string fileName = "file", string? description = null, AttachmentFocusData? focus = null);
        Task<Attachment> UploadMedia(MediaDefinition media, string? description = null, AttachmentFocusData? focus = null);
        Task<Status> GetStatus(string statusId);
        Task<MastodonList<Account>> GetRebloggedBy(string statusId, ArrayOptions? options = null);
        Task<Status> PublishStatus(string status, Visibility? visibility = null, string? replyStatusId = null, IEnumerable<string>? mediaIds = null, bool sensitive = false, string? spoilerText = null, DateTime? scheduledAt = null, string? language = null, PollParameters? poll = null);
        Task<Status> EditStatus(string statusId, string status, IEnumerable<string>? mediaIds = null, bool sensitive = false, string? spoilerText = null, string? language = null, PollParameters? poll = null);
        Task DeleteStatus(string statusId);
        Task<Status> Reblog(string statusId);
        Task<Status> Unreblog(string statusId);
        Task<Status> Favourite(string statusId);
        Task<MastodonList<Status>> GetHomeTimeline(ArrayOptions? options = null);
    }

    public abstract partial class BaseHttpClient : IBaseHttpClient
    {
        public string Instance { get; protected set; } = "";
    }

    public partial class MastodonClient : BaseHttpClient, IMastodonClient
    {
        public MastodonClient(string instance, string accessToken) { }
        public MastodonClient(AppRegistration appRegistration, Auth accessToken) { }

        public Task<Instance> GetInstance() => throw null!;
        public Task<Attachment> UploadMedia(Stream data, string fileName = "file", string? description = null, AttachmentFocusData? focus = null) => throw null!;
        public Task<Attachment> UploadMedia(MediaDefinition media, string? description = null, AttachmentFocusData? focus = null) => throw null!;
        public Task<Status> GetStatus(string statusId) => throw null!;
        public Task<MastodonList<Account>> GetRebloggedBy(string statusId, ArrayOptions? options = null) => throw null!;
        public Task<Status> PublishStatus(string status, Visibility? visibility = null, string? replyStatusId = null, IEnumerable<string>? mediaIds = null, bool sensitive = false, string? spoilerText = null, DateTime? scheduledAt = null, string? language = null, PollParameters? poll = null) => throw null!;
        public Task<Status> EditStatus(string statusId, string status, IEnumerable<string>? mediaIds = null, bool sensitive = false, string? spoilerText = null, string? language = null, PollParameters? poll = null) => throw null!;
        public Task DeleteStatus(string statusId) => throw null!;
        public Task<Status> Reblog(string statusId) => throw null!;
        public Task<Status> Unreblog(string statusId) => throw null!;
        public Task<Status> Favourite(string statusId) => throw null!;
        public Task<MastodonList<Status>> GetHomeTimeline(ArrayOptions? options = null) => throw null!;

        /// <summary>Mastonet 1.x name of PublishStatus (1.x used long ids and a required visibility).</summary>
        public Task<Status> PostStatus(string status, Visibility visibility, long? replyStatusId = null, IEnumerable<long>? mediaIds = null, bool sensitive = false, string? spoilerText = null) => throw null!;
    }
}
