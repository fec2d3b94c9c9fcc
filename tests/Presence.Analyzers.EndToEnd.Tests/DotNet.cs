using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI the way a user would, and reads what the build said.</summary>
internal static class DotNet
{
    public static BuildResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A nested build must not join the test run's build servers or inherit its MSBuild state.
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(inherited);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return new BuildResult(process.ExitCode, output.ToString());
    }
}

public sealed partial class BuildResult(int exitCode, string output)
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;

    /// <summary>The distinct (severity, id) pairs of compiler diagnostics the build printed, e.g. ("warning", "PRES001").</summary>
    public IReadOnlyCollection<(string Severity, string Id)> Diagnostics
        => DiagnosticLine().Matches(Output).Select(m => (m.Groups["severity"].Value, m.Groups["id"].Value)).Distinct().ToList();

    public IEnumerable<string> Ids(string prefix)
        => Diagnostics.Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal)).Select(d => d.Id).Distinct();

    public override string ToString() => $"exit code {ExitCode}\n{Output}";

    [GeneratedRegex(@": (?<severity>warning|error) (?<id>[A-Z]+[0-9]+):")]
    private static partial Regex DiagnosticLine();
}
