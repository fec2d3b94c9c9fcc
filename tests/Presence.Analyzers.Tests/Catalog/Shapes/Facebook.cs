// Shape of Facebook 7.x (Facebook): public API only, for tests.
// assembly: Facebook
// NuGet package id "Facebook" is the facebook-csharp-sdk project (unmaintained since 2021).
// Source: facebook-csharp-sdk/facebook-csharp-sdk src/Facebook/FacebookClient*.cs (partial class): Post(object),
// Post(string, object); EAP PostAsync x3 ([Obsolete("Use PostTaskAsync instead.")]); PostTaskAsync x5; Batch / BatchTaskAsync.
// Post sends any Graph API POST (a page feed post, a photo, a comment, ...): the path decides what is published.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Facebook
{
    public enum HttpMethod { Get, Post, Delete }
    public class FacebookUploadProgressChangedEventArgs : EventArgs { }
    public class FacebookBatchParameter
    {
        public FacebookBatchParameter() { }
        public FacebookBatchParameter(HttpMethod httpMethod, string path, object? parameters = null) { }
    }
    public class FacebookOAuthException : Exception { }

    public partial class FacebookClient
    {
        public FacebookClient() { }
        public FacebookClient(string accessToken) { }
        public string? AccessToken { get; set; }
        public string? Version { get; set; }

        public virtual object Get(string path) => throw null!;
        public virtual object Get(string path, object parameters) => throw null!;
        public virtual Task<object> GetTaskAsync(string path) => throw null!;
        public virtual Task<object> GetTaskAsync(string path, object parameters) => throw null!;

        public virtual object Post(object parameters) => throw null!;
        public virtual object Post(string path, object parameters) => throw null!;

        [Obsolete("Use PostTaskAsync instead.")] public virtual void PostAsync(object parameters) { }
        [Obsolete("Use PostTaskAsync instead.")] public virtual void PostAsync(string path, object parameters) { }
        [Obsolete("Use PostTaskAsync instead.")] public virtual void PostAsync(string path, object parameters, object userState) { }

        public virtual Task<object> PostTaskAsync(object parameters) => throw null!;
        public virtual Task<object> PostTaskAsync(string path, object parameters) => throw null!;
        public virtual Task<object> PostTaskAsync(string path, object parameters, CancellationToken cancellationToken) => throw null!;
        public virtual Task<object> PostTaskAsync(string path, object parameters, object userState, CancellationToken cancellationToken) => throw null!;
        public virtual Task<object> PostTaskAsync(string path, object parameters, object userState, CancellationToken cancellationToken, IProgress<FacebookUploadProgressChangedEventArgs> uploadProgress) => throw null!;

        public virtual object Batch(params FacebookBatchParameter[] batchParameters) => throw null!;
        public virtual Task<object> BatchTaskAsync(params FacebookBatchParameter[] batchParameters) => throw null!;

        public virtual object Delete(string path) => throw null!;
        public virtual Task<object> DeleteTaskAsync(string path) => throw null!;
    }
}
