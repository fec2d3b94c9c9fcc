using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Presence.Audit.Loading;

/// <summary>
/// Opens a solution (.sln, .slnx) or a project with MSBuild, as the SDK that builds it would, and turns every way that
/// can fail into a sentence for the user.
/// </summary>
public static class SolutionLoader
{
    private static readonly object RegistrationLock = new();

    /// <summary>Finds the .NET SDK's MSBuild once per process (before any MSBuild type is touched).</summary>
    public static void RegisterMsBuild()
    {
        lock (RegistrationLock)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            VisualStudioInstance? instance;
            try
            {
                instance = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).FirstOrDefault();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                instance = null;
            }

            if (instance is null)
            {
                throw new AuditException(
                    "No .NET SDK was found. presence audit loads projects with the SDK's MSBuild: install the .NET SDK (not only the runtime), or make `dotnet --list-sdks` show one, and run it again.");
            }

            MSBuildLocator.RegisterInstance(instance);
        }
    }

    /// <summary>The projects of <paramref name="path"/>, loaded with <paramref name="configuration"/>.</summary>
    /// <param name="path">As the user wrote it: messages name it so.</param>
    public static async Task<LoadedSolution> LoadAsync(string path, string configuration, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new AuditException(Directory.Exists(full)
                ? $"'{path}' is a folder: name the solution (.sln, .slnx) or the project file (.csproj) to audit."
                : $"'{path}' does not exist.");
        }

        var extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".sln" or ".slnx" or ".csproj"))
        {
            throw new AuditException($"'{path}' is not a solution (.sln, .slnx) or a C# project (.csproj).");
        }

        RegisterMsBuild();
        var properties = new Dictionary<string, string>
        {
            ["Configuration"] = configuration,
            // Projects that do not reference Presence.Analyzers still get its configuration: enforcement mode,
            // PresenceApis.txt (see build/Presence.Audit.targets beside the tool).
            ["CustomAfterMicrosoftCommonTargets"] = Path.Combine(AppContext.BaseDirectory, "build", "Presence.Audit.targets"),
        };
        // The build host runs out of process; on a loaded machine it can miss its start-up deadline: one more try.
        for (var attempt = 1; ; attempt++)
        {
            var workspace = MSBuildWorkspace.Create(properties);
            var failures = new List<WorkspaceDiagnostic>();
            using var registration = workspace.RegisterWorkspaceFailedHandler(e => failures.Add(e.Diagnostic));
            var loader = new LoadProgress(progress);
            Solution solution;
            try
            {
                solution = extension == ".csproj"
                    ? (await workspace.OpenProjectAsync(full, loader, cancellationToken)).Solution
                    : await workspace.OpenSolutionAsync(full, loader, cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException or FormatException or InvalidDataException)
            {
                workspace.Dispose();
                throw new AuditException($"Could not open '{path}': {FirstLine(e.Message)}");
            }

            if (attempt == 1 && failures.Any(f => f.Kind == WorkspaceDiagnosticKind.Failure && f.Message.Contains("BuildHost", StringComparison.Ordinal)))
            {
                progress?.Report("The MSBuild build host did not answer in time; loading once more.");
                workspace.Dispose();
                continue;
            }

            try
            {
                Explain(failures, solution, path);
            }
            catch
            {
                workspace.Dispose();
                throw;
            }

            return new LoadedSolution(solution, workspace);
        }
    }

    // Workspace failures are what a build would print; a missing restore is the usual one.
    private static void Explain(List<WorkspaceDiagnostic> failures, Solution solution, string path)
    {
        var errors = failures.Where(f => f.Kind == WorkspaceDiagnosticKind.Failure).ToList();
        var unrestored = solution.Projects
            .Where(p => p.Language == LanguageNames.CSharp && p.FilePath is not null && !IsRestored(p))
            .Select(p => p.FilePath!).Distinct(StringComparer.Ordinal).ToList();
        if (unrestored.Count > 0)
        {
            throw new AuditException(
                $"Restore has not been run for '{path}': run `dotnet restore {path}` first, then run presence audit again. Not restored:"
                + Environment.NewLine + string.Join(Environment.NewLine, unrestored.Select(p => "  " + p)));
        }

        if (errors.Count == 0)
        {
            return;
        }

        var messages = errors.Select(e => FirstLine(e.Message)).Distinct().ToList();
        if (messages.Any(m => m.Contains("project.assets.json", StringComparison.OrdinalIgnoreCase) || m.Contains("NETSDK1004", StringComparison.Ordinal) || m.Contains("restore", StringComparison.OrdinalIgnoreCase)))
        {
            throw new AuditException(
                $"Restore has not been run for '{path}' (or a project in it): run `dotnet restore {path}` first, then run presence audit again."
                + Environment.NewLine + string.Join(Environment.NewLine, messages.Select(m => "  " + m)));
        }

        throw new AuditException(
            $"A project of '{path}' could not be loaded, so the map would be incomplete:" + Environment.NewLine
            + string.Join(Environment.NewLine, messages.Select(m => "  " + m)));
    }

    // An SDK-style project loads without a restore, but without its packages: look for NuGet's assets file where the
    // SDK puts it (obj/ beside the project, or above the intermediate output in an artifacts layout).
    private static bool IsRestored(Project project)
    {
        var file = project.FilePath!;
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException)
        {
            return true; // the workspace loaded it; a file we cannot read again is not a restore problem
        }

        if (!text.Contains("Sdk", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "obj", "project.assets.json")))
        {
            return true;
        }

        for (var folder = Path.GetDirectoryName(project.CompilationOutputInfo.AssemblyPath ?? project.OutputFilePath ?? ""); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "project.assets.json")))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private sealed class LoadProgress(IProgress<string>? progress) : IProgress<ProjectLoadProgress>
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public void Report(ProjectLoadProgress value)
        {
            if (value.Operation == ProjectLoadOperation.Resolve && _seen.Add(value.FilePath))
            {
                progress?.Report($"Loaded {Path.GetFileName(value.FilePath)}{(value.TargetFramework is { } tfm ? " (" + tfm + ")" : "")}");
            }
        }
    }
}

/// <summary>A loaded solution; disposing it stops the MSBuild build host the workspace started.</summary>
public sealed class LoadedSolution(Solution solution, IDisposable workspace) : IDisposable
{
    public Solution Solution { get; } = solution;

    public void Dispose() => workspace.Dispose();
}
