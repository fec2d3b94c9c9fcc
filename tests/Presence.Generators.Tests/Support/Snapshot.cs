using System;
using System.IO;
using Presence.Analyzers.Tests.Verifiers;
using Presence.Generators.Gates;

namespace Presence.Generators.Tests.Support;

/// <summary>
/// Compares generated source with the file checked in under Snapshots/. Set PRESENCE_ACCEPT_SNAPSHOTS=1 to
/// (re)write the files from what the generator produces now, then review the diff.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "PRESENCE_ACCEPT_SNAPSHOTS";

    public static void Match(string name, string generated)
    {
        // The version in [GeneratedCode] changes with every release; what the snapshot pins is the code.
        var actual = generated.Replace("\r\n", "\n").Replace($"\"{PublisherGateGenerator.Version}\")]", "\"{version}\")]");
        var path = Path.Combine(RepoFiles.Root, "tests", "Presence.Generators.Tests", "Snapshots", name);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} does not exist: run the test with {AcceptVariable}=1 to write it, and review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            var received = Path.Combine(Path.GetTempPath(), name + ".received");
            File.WriteAllText(received, actual);
            Assert.Fail($"The generated source differs from {path}; what was generated is in {received} (diff them, or accept with {AcceptVariable}=1).");
        }
    }
}
