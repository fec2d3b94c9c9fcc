// Shape of Reddit 1.5.x (Reddit.NET): public API only, for tests.
// assembly: Reddit.NET
// NuGet package id "Reddit" is the Reddit.NET project (sirkris/Reddit.NET).
// The assembly name follows the project file src/Reddit.NET/Reddit.NET.csproj (no AssemblyName override seen).
// Source: sirkris/Reddit.NET src/Reddit.NET/Controllers/SelfPost.cs (Submit(bool ad, string app, string extension,
// string flairId, string flairText, string gRecapthaResponse, bool sendReplies, bool spoiler, string videoPosterUrl),
// Submit(LinksAndCommentsSubmitInput, string gRecapthaResponse), SubmitAsync alike, XPostTo[Async], XPostToAsLink[Async],
// Edit[Async]), LinkPost.cs, Post.cs (Reply / ReplyAsync, Comment(body) builds an unsent Comment), Comment.cs (Submit /
// SubmitAsync, Reply / ReplyAsync), PrivateMessages.cs (Compose / ComposeAsync), Subreddit.cs (SelfPost(...) / LinkPost(...)
// build unsent posts). LinkPost.Submit's parameter list is taken to mirror SelfPost's plus `resubmit`.
#nullable enable
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Reddit.Inputs.LinksAndComments
{
    public class LinksAndCommentsSubmitInput { public string? title; public string? sr; public string? kind; public string? text; public string? url; }
}

namespace Reddit.Inputs.PrivateMessages
{
    public class PrivateMessagesComposeInput { public PrivateMessagesComposeInput(string subject = "", string text = "", string to = "") { } }
}

namespace Reddit.Controllers
{
    using Reddit.Inputs.LinksAndComments;
    using Reddit.Inputs.PrivateMessages;

    public class Post
    {
        public string Title { get; set; } = "";
        public string Fullname { get; set; } = "";
        public string Subreddit { get; set; } = "";
        public Comment Reply(string body) => throw null!;
        public Task<Comment> ReplyAsync(string body) => throw null!;
        public Comment Comment(string body) => throw null!;
        public Post About() => throw null!;
        public void Delete() { }
    }

    public class SelfPost : Post
    {
        public string SelfText { get; set; } = "";
        public SelfPost Submit(bool ad = false, string app = "", string extension = "", string flairId = "", string flairText = "", string gRecapthaResponse = "", bool sendReplies = true, bool spoiler = false, string videoPosterUrl = "") => throw null!;
        public SelfPost Submit(LinksAndCommentsSubmitInput linksAndCommentsSubmitInput, string gRecapthaResponse = "") => throw null!;
        public Task<SelfPost> SubmitAsync(bool ad = false, string app = "", string extension = "", string flairId = "", string flairText = "", string gRecapthaResponse = "", bool sendReplies = true, bool spoiler = false, string videoPosterUrl = "") => throw null!;
        public Task<SelfPost> SubmitAsync(LinksAndCommentsSubmitInput linksAndCommentsSubmitInput, string gRecapthaResponse = "") => throw null!;
        public SelfPost XPostTo(string subreddit, bool creditOriginSub = true) => throw null!;
        public Task<SelfPost> XPostToAsync(string subreddit, bool creditOriginSub = true) => throw null!;
        public LinkPost XPostToAsLink(string subreddit, bool creditOriginSub = true, bool np = true) => throw null!;
        public Task<LinkPost> XPostToAsLinkAsync(string subreddit, bool creditOriginSub = true, bool np = true) => throw null!;
        public SelfPost Edit(string text) => throw null!;
        public Task<SelfPost> EditAsync(string text) => throw null!;
        public new SelfPost About() => throw null!;
    }

    public class LinkPost : Post
    {
        public string URL { get; set; } = "";
        public LinkPost Submit(bool ad = false, string app = "", string extension = "", string flairId = "", string flairText = "", string gRecapthaResponse = "", bool resubmit = false, bool sendReplies = true, bool spoiler = false, string videoPosterUrl = "") => throw null!;
        public LinkPost Submit(LinksAndCommentsSubmitInput linksAndCommentsSubmitInput, string gRecapthaResponse = "") => throw null!;
        public Task<LinkPost> SubmitAsync(bool ad = false, string app = "", string extension = "", string flairId = "", string flairText = "", string gRecapthaResponse = "", bool resubmit = false, bool sendReplies = true, bool spoiler = false, string videoPosterUrl = "") => throw null!;
        public Task<LinkPost> SubmitAsync(LinksAndCommentsSubmitInput linksAndCommentsSubmitInput, string gRecapthaResponse = "") => throw null!;
        public LinkPost XPostTo(string subreddit, bool creditOriginSub = true) => throw null!;
        public Task<LinkPost> XPostToAsync(string subreddit, bool creditOriginSub = true) => throw null!;
    }

    public class Comment
    {
        public string Body { get; set; } = "";
        public string Fullname { get; set; } = "";
        public Comment Submit() => throw null!;
        public Task<Comment> SubmitAsync() => throw null!;
        public Comment Reply(string body) => throw null!;
        public Task<Comment> ReplyAsync(string body) => throw null!;
        public Comment Edit(string body) => throw null!;
        public Task<Comment> EditAsync(string body) => throw null!;
        public Comment About() => throw null!;
    }

    public class Subreddit
    {
        public string Name { get; set; } = "";
        public SelfPost SelfPost(string title, string selfText = "") => throw null!;
        public LinkPost LinkPost(string title, string url) => throw null!;
        public SubredditPosts Posts => throw null!;
        public Subreddit About() => throw null!;
    }

    public class SubredditPosts { public List<Post> New => throw null!; public List<Post> Hot => throw null!; }

    public class PrivateMessages
    {
        public List<Things.Message> Inbox => throw null!;
        public void Compose(string to, string subject, string text, string fromSr = "") => throw null!;
        public void Compose(PrivateMessagesComposeInput privateMessagesComposeInput, string gRecaptchaResponse = "") => throw null!;
        public Task ComposeAsync(string to, string subject, string text, string fromSr = "") => throw null!;
        public Task ComposeAsync(PrivateMessagesComposeInput privateMessagesComposeInput, string gRecaptchaResponse = "") => throw null!;
        public void ReadMessage(string id) => throw null!;
    }

    public class Account { public PrivateMessages Messages => throw null!; }
}

namespace Reddit.Things
{
    public class Message { public string? Body { get; set; } }
}

namespace Reddit
{
    public class RedditClient
    {
        public RedditClient(string? appId = null, string? refreshToken = null, string? appSecret = null, string? accessToken = null, string? userAgent = null) { }
        public Controllers.Subreddit Subreddit(string name, string title = "", string description = "", string sidebar = "") => throw null!;
        public Controllers.Account Account => throw null!;
        public Controllers.Post Post(string fullname) => throw null!;
        public Controllers.Comment Comment(string fullname) => throw null!;
    }
}
