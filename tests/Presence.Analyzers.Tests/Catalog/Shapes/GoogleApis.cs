// Shape of Google.Apis 1.78.0 (Google.Apis): public API only, for tests.
// assembly: Google.Apis
// Read from the real Google.Apis 1.78.0 assembly (served here) by reflection: ResumableUpload (abstract, non-generic) declares
// Upload() / UploadAsync() / UploadAsync(CancellationToken) / Resume(...) / ResumeAsync(...) / GetProgress(), with
// ResumableUpload<TRequest> : ResumableUpload and ResumableUpload<TRequest, TResponse> : ResumableUpload<TRequest>;
// ClientServiceRequest<TResponse> : ClientServiceRequest declares Execute() / ExecuteAsync() / ExecuteAsync(CancellationToken) /
// ExecuteAsStream[Async]. Repeatable<T> really lives in Google.Apis.Core.dll (namespace Google.Apis.Util); it is kept here so
// that the YouTube shape needs only this one reference.
#nullable enable
using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Google.Apis.Util
{
    public class Repeatable<T> : IEnumerable<T>
    {
        public Repeatable(IEnumerable<T> enumeration) { }
        public static implicit operator Repeatable<T>(T item) => throw null!;
        public static implicit operator Repeatable<T>(T[] items) => throw null!;
        public static implicit operator Repeatable<T>(List<T> items) => throw null!;
        public IEnumerator<T> GetEnumerator() => throw null!;
        IEnumerator IEnumerable.GetEnumerator() => throw null!;
    }
}

namespace Google.Apis.Services
{
    public interface IClientService : IDisposable
    {
        string Name { get; }
        string BaseUri { get; }
    }

    public abstract class BaseClientService : IClientService
    {
        public class Initializer
        {
            public string? ApiKey { get; set; }
            public string? ApplicationName { get; set; }
            public object? HttpClientInitializer { get; set; }
        }

        protected BaseClientService(Initializer initializer) { }
        public string? ApiKey { get; }
        public string? ApplicationName { get; }
        public abstract string Name { get; }
        public abstract string BaseUri { get; }
        public virtual void Dispose() { }
    }
}

namespace Google.Apis.Requests
{
    using Google.Apis.Services;

    public interface IClientServiceRequest { string MethodName { get; } string HttpMethod { get; } }
    public interface IClientServiceRequest<TResponse> : IClientServiceRequest
    {
        TResponse Execute();
        Task<TResponse> ExecuteAsync();
        Task<TResponse> ExecuteAsync(CancellationToken cancellationToken);
    }

    public abstract class ClientServiceRequest { }

    public abstract class ClientServiceRequest<TResponse> : ClientServiceRequest, IClientServiceRequest<TResponse>
    {
        protected ClientServiceRequest(IClientService service) { }
        public abstract string MethodName { get; }
        public abstract string RestPath { get; }
        public abstract string HttpMethod { get; }
        public IClientService Service => throw null!;
        public HttpRequestMessage CreateRequest(bool? overrideGZipEnabled = null) => throw null!;
        public TResponse Execute() => throw null!;
        public Stream ExecuteAsStream() => throw null!;
        public Task<Stream> ExecuteAsStreamAsync() => throw null!;
        public Task<Stream> ExecuteAsStreamAsync(CancellationToken cancellationToken) => throw null!;
        public Task<TResponse> ExecuteAsync() => throw null!;
        public Task<TResponse> ExecuteAsync(CancellationToken cancellationToken) => throw null!;
    }
}

namespace Google.Apis.Upload
{
    using Google.Apis.Services;

    public enum UploadStatus { NotStarted, Starting, Uploading, Completed, Failed }

    public interface IUploadProgress
    {
        UploadStatus Status { get; }
        long BytesSent { get; }
        Exception? Exception { get; }
    }

    public class ResumableUploadOptions { }

    public abstract class ResumableUpload
    {
        protected ResumableUpload(Stream contentStream, ResumableUploadOptions options) { }
        public Stream ContentStream => throw null!;
        public int ChunkSize { get; set; }
        public event Action<IUploadProgress>? ProgressChanged;
        public IUploadProgress GetProgress() => throw null!;
        public IUploadProgress Upload() => throw null!;
        public Task<IUploadProgress> UploadAsync() => throw null!;
        public Task<IUploadProgress> UploadAsync(CancellationToken cancellationToken) => throw null!;
        public IUploadProgress Resume() => throw null!;
        public IUploadProgress Resume(Uri uploadUri) => throw null!;
        public Task<IUploadProgress> ResumeAsync() => throw null!;
        public Task<IUploadProgress> ResumeAsync(CancellationToken cancellationToken) => throw null!;
        public Task<IUploadProgress> ResumeAsync(Uri uploadUri) => throw null!;
        public Task<IUploadProgress> ResumeAsync(Uri uploadUri, CancellationToken cancellationToken) => throw null!;
        internal void Touch() => ProgressChanged?.Invoke(null!);
    }

    public class ResumableUpload<TRequest> : ResumableUpload
    {
        protected ResumableUpload(IClientService service, string path, string httpMethod, Stream contentStream, string contentType) : base(contentStream, new ResumableUploadOptions()) { }
        public IClientService Service => throw null!;
        public string Path => throw null!;
        public string HttpMethod => throw null!;
        public string ContentType => throw null!;
        public TRequest Body { get; set; } = default!;
    }

    public class ResumableUpload<TRequest, TResponse> : ResumableUpload<TRequest>
    {
        protected ResumableUpload(IClientService service, string path, string httpMethod, Stream contentStream, string contentType) : base(service, path, httpMethod, contentStream, contentType) { }
        public event Action<TResponse>? ResponseReceived;
        public TResponse ResponseBody { get; } = default!;
        internal void Touch2() => ResponseReceived?.Invoke(default!);
    }
}
