using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Presence.Audit.Tests;

/// <summary>What a run of the tool printed and returned.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

public static class TestSupport
{
    public static string RepoRoot { get; } = typeof(TestSupport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>Runs <c>presence</c> in this process (the same entry point the tool has).</summary>
    public static async Task<RunResult> AuditAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Program.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new RunResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Copies a fixture solution into a fresh temporary folder, with a Directory.Build.props that points its projects
    /// at this repository's Presence.Abstractions (and its gate generator, for a project that asks for it), and restores it.
    /// </summary>
    public static string CopyFixture(string name, bool restore = true)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        var root = Path.Combine(Path.GetTempPath(), "presence-audit-" + Guid.NewGuid().ToString("N")[..10], name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <PresenceAbstractionsProject>{Path.Combine(RepoRoot, "src", "Presence.Abstractions", "Presence.Abstractions.csproj")}</PresenceAbstractionsProject>
                <PresenceGeneratorsProject>{Path.Combine(RepoRoot, "src", "Presence.Generators", "Presence.Generators.csproj")}</PresenceGeneratorsProject>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        if (restore)
        {
            var solution = Directory.GetFiles(root, "*.sln*").Single();
            var result = DotNet(root, "restore", solution);
            Assert.True(result.ExitCode == 0, "restore failed: " + result);
        }

        return root;
    }

    public static RunResult DotNet(string workingDirectory, params string[] args) => Run("dotnet", workingDirectory, null, args);

    public static RunResult Run(string fileName, string workingDirectory, System.Collections.Generic.IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return new RunResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may hold a file for a moment; the folder is in the temp directory anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A fixture solution (<c>Fixtures/{name}/{name}.slnx</c>) copied and restored for one test, deleted after it.</summary>
public sealed class CopiedFixture(string name) : IDisposable
{
    public string Root { get; } = TestSupport.CopyFixture(name);

    public string Solution => Path.Combine(Root, name + ".slnx");

    public void Dispose() => TestSupport.DeleteQuietly(Path.GetDirectoryName(Root)!);
}

/// <summary>Audits load whole solutions with MSBuild: one at a time keeps a small machine responsive.</summary>
[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<SamplesMap>, ICollectionFixture<CrossProjectMap>
{
    public const string Name = "audit";
}
