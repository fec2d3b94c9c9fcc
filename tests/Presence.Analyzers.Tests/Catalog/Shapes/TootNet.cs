// Shape of TootNet 4.x (TootNet): public API only, for tests.
// assembly: TootNet
// Source: cucmberium/TootNet TootNet/Rest/Statuses.cs and Rest/Media.cs (generated: every endpoint has a
// params Expression<Func<string, object>>[] overload and an IDictionary<string, object> overload), TootNet.Tests/
// StatusesTests.cs (tokens.Statuses.PostAsync(status => "...", visibility => "private")).
// Statuses.PostAsync = POST statuses (toot), ReblogAsync = boost, PutAsync = edit (PUT statuses/{id});
// Media.PostAsync = media upload (not a publish).
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Threading.Tasks;

namespace TootNet.Objects
{
    public class Status { public long Id { get; set; } public string? Content { get; set; } public bool? Reblogged { get; set; } }
    public class Attachment { public long Id { get; set; } }
    public class Context { }
}

namespace TootNet.Internal
{
    public abstract class ApiBase { internal ApiBase() { } }
}

namespace TootNet
{
    public class Tokens
    {
        public Tokens(string instance, string accessToken) { }
        public Rest.Statuses Statuses => throw null!;
        public Rest.Media Media => throw null!;
    }
}

namespace TootNet.Rest
{
    using TootNet.Internal;

    public class Statuses : ApiBase
    {
        internal Statuses() { }
        public Task<Objects.Status> PostAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Status> PostAsync(IDictionary<string, object> parameters) => throw null!;
        public Task<Objects.Status> IdAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Status> IdAsync(IDictionary<string, object> parameters) => throw null!;
        public Task<Objects.Status> DeleteAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Context> ContextAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Status> ReblogAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Status> ReblogAsync(IDictionary<string, object> parameters) => throw null!;
        public Task<Objects.Status> UnreblogAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Status> PutAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Status> PutAsync(IDictionary<string, object> parameters) => throw null!;
    }

    public class Media : ApiBase
    {
        internal Media() { }
        public Task<Objects.Attachment> PostAsync(params Expression<Func<string, object>>[] parameters) => throw null!;
        public Task<Objects.Attachment> PostAsync(IDictionary<string, object> parameters) => throw null!;
    }
}
