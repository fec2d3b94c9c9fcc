// Shape of X.Bluesky 2.x (X.Bluesky): public API only, for tests.
// assembly: X.Bluesky
// Source: a-gubskiy/X.Bluesky src/X.Bluesky/BlueskyClient.cs: IBlueskyClient declares Post(Models.Post) and default
// interface overloads Post(string), Post(string, Uri), Post(string, Image), Post(string, Uri, Image); BlueskyClient
// implements Post(Models.Post). Older releases declared Post(string) / Post(string, Uri) on the interface and class.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace X.Bluesky.Models
{
    public class Image { public byte[] Content { get; set; } = Array.Empty<byte>(); public string MimeType { get; set; } = ""; public string Alt { get; set; } = ""; }
    public class Post
    {
        public string Text { get; set; } = "";
        public Uri? Url { get; set; }
        public IReadOnlyCollection<Image> Images { get; set; } = Array.Empty<Image>();
    }
}

namespace X.Bluesky
{
    using X.Bluesky.Models;

    public interface IBlueskyClient
    {
        Task Post(Models.Post post);
        Task Post(string text) => Post(new Models.Post { Text = text });
        Task Post(string text, Uri uri) => Post(new Models.Post { Text = text, Url = uri });
        Task Post(string text, Image image) => Post(new Models.Post { Text = text, Images = new[] { image } });
        Task Post(string text, Uri uri, Image image) => Post(new Models.Post { Text = text, Url = uri, Images = new[] { image } });
    }

    public interface IMentionResolver
    {
        Task<string> ResolveMention(string mention);
    }

    public class BlueskyClient : IBlueskyClient
    {
        public BlueskyClient(string identifier, string password) { }
        public Task Post(Models.Post post) => throw null!;
    }
}
