using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Presence.Generators.Tests.Support;

/// <summary>
/// A compilation with its generated gates, emitted and loaded into its own context. Its references (Presence.Abstractions,
/// the DI abstractions) resolve to the assemblies the tests already use, so the tests share the ledger's types with it.
/// </summary>
internal sealed class LoadedGates : IDisposable
{
    private readonly AssemblyLoadContext _context = new("gates-" + Guid.NewGuid().ToString("N"), isCollectible: true);

    public LoadedGates(GateCompilation run)
    {
        Assembly = _context.LoadFromStream(new MemoryStream(run.Emit()));
    }

    public Assembly Assembly { get; }

    public Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

    public dynamic Create(string name, params object[] arguments) => Activator.CreateInstance(Type(name), arguments)!;

    public void Dispose() => _context.Unload();
}
