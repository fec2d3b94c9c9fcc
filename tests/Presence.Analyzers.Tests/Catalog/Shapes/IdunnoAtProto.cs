// Shape of idunno.AtProto 1.x (idunno.AtProto): public API only, for tests.
// assembly: idunno.AtProto
// Source: blowdart/idunno.Bluesky src/idunno.AtProto (AtProtoAgent: CreateRecord<TRecord> (method arity 1, two overloads),
// PutRecord, UploadBlob, GetRecord); BlueskyAgent in idunno.Bluesky derives from AtProtoAgent (see IdunnoBluesky.cs).
// Parameter lists are abbreviated to the leading parameters plus the CancellationToken (the generic constraint on TRecord
// is not reproduced).
#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;

namespace idunno.AtProto
{
    public abstract class AtIdentifier { }
    public sealed class Did : AtIdentifier { public Did(string s) { } }
    public sealed class Handle : AtIdentifier { public Handle(string s) { } }
    public sealed class Nsid { public Nsid(string s) { } public static implicit operator Nsid(string s) => new(s); }
    public sealed class RecordKey { public RecordKey(string s) { } }
    public sealed class Cid { }
    public sealed class AtUri { public AtUri(string s) { } }
    public class AtProtoRecord { }

    public sealed class AtProtoHttpResult<T>
    {
        public T? Result { get; }
        public bool Succeeded { get; }
    }

    public class AtProtoAgent : IDisposable
    {
        public AtProtoAgent(Uri service) { }
        public bool IsAuthenticated { get; }
        public Did? Did { get; }
        public void Dispose() { }

        public Task<AtProtoHttpResult<bool>> Login(string identifier, string password, CancellationToken cancellationToken = default) => throw null!;

        public Task<AtProtoHttpResult<Repo.CreateRecordResult>> CreateRecord<TRecord>(TRecord record, Nsid collection, RecordKey? rKey = null, bool? validate = null, Cid? swapCommit = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<Repo.CreateRecordResult>> CreateRecord<TRecord>(TRecord record, Nsid collection, AtIdentifier creator, RecordKey? rKey = null, bool? validate = null, Cid? swapCommit = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<AtProtoHttpResult<Repo.PutRecordResult>> PutRecord<TRecord>(TRecord record, Nsid collection, RecordKey rKey, bool? validate = null, Cid? swapCommit = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<Repo.Blob>> UploadBlob(byte[] blob, string mimeType, CancellationToken cancellationToken = default) => throw null!;
        public Task<AtProtoHttpResult<Repo.AtProtoRepositoryRecord<TRecord>>> GetRecord<TRecord>(AtIdentifier repo, Nsid collection, RecordKey rKey, Cid? cid = null, CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace idunno.AtProto.Repo
{
    public sealed class StrongReference { public StrongReference(AtUri uri, Cid cid) { } public AtUri Uri { get; } = null!; }
    public sealed class CreateRecordResult { public AtUri Uri { get; } = null!; public Cid Cid { get; } = null!; }
    public sealed class PutRecordResult { }
    public sealed class Blob { }
    public sealed class AtProtoRepositoryRecord<T> { public T Value { get; } = default!; }
}
