using System;
using System.IO;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>The repository the tests run from, for tests that read its files (docs, catalogs, SDK shapes).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Presence.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Presence.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
