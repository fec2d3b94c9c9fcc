using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Presence.Audit.Analysis;
using Presence.Audit.Loading;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit;

/// <summary>
/// <c>presence audit</c>: exit code 0 when done (and nothing matched <c>--fail-on</c>), 1 when <c>--fail-on</c>
/// matched, 2 for a usage or load error (the message says what to do), 3 when a gate (<c>--fail-on</c> or
/// <c>--baseline</c>) was asked for and a project does not compile, so the map it would decide on is incomplete.
/// Machine output on stdout or <c>-o</c>, progress and messages on stderr.
/// </summary>
public static class Program
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Error = 2;
    public const int Incomplete = 3;

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var target = new Argument<FileInfo>("solution-or-project")
        {
            Description = "The solution (.sln, .slnx) or C# project (.csproj) to audit. Restore it first (dotnet restore).",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "html (a page with the drawn map), md (for a pull-request comment), sarif (SARIF 2.1.0, one result per unattended path) or json (the model, for other tools). Default: from the -o extension, else md.",
            HelpName = "html|md|sarif|json",
        };
        format.AcceptOnlyFromAmong("html", "md", "sarif", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var baseline = new Option<FileInfo?>("--baseline")
        {
            Description = "A map written earlier with --format json: list publish sites and unattended paths added and removed since, matched by symbol, not line.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when the map has (with --baseline: when the change adds) unattended paths (unattended), or unattended paths or unconfirmed sites (unconfirmed). Default: none.",
            HelpName = "unattended|unconfirmed|none",
            DefaultValueFactory = _ => "none",
        };
        failOn.AcceptOnlyFromAmong("unattended", "unconfirmed", "none");
        var configuration = new Option<string>("--configuration", "-c")
        {
            Description = "The build configuration to load the projects with.",
            DefaultValueFactory = _ => "Debug",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr; errors and --fail-on findings are still printed." };

        var audit = new Command("audit", "Map every place the code can publish, on whose decision, and every unattended path to it.")
        {
            target, format, output, baseline, failOn, configuration, quiet,
        };
        audit.SetAction((parse, token) => AuditAsync(
            new AuditOptions(
                parse.GetValue(target)!,
                parse.GetValue(format),
                parse.GetValue(output),
                parse.GetValue(baseline),
                parse.GetValue(failOn) ?? "none",
                parse.GetValue(configuration) ?? "Debug",
                parse.GetValue(quiet)),
            stdout,
            stderr,
            token));

        var root = new RootCommand("presence: the publishing map of a .NET solution (Presence.Analyzers).") { audit };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            await stderr.WriteLineAsync("Run 'presence audit --help' for the options.");
            return Error;
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await result.InvokeAsync(invocation, cancellationToken);
    }

    private sealed record AuditOptions(FileInfo Target, string? Format, FileInfo? Output, FileInfo? Baseline, string FailOn, string Configuration, bool Quiet);

    private static async Task<int> AuditAsync(AuditOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var progress = options.Quiet ? null : new Progress(stderr);
        try
        {
            if (options.Output is { } target && Directory.Exists(target.FullName))
            {
                throw new AuditException($"-o '{target}' is a folder: name the file to write, for example '{Path.Combine(target.ToString(), "map." + (options.Format ?? "md"))}'.");
            }

            var format = options.Format ?? FormatOf(options.Output) ?? "md";
            var before = options.Baseline is { } file ? JsonReport.Read(file.FullName) : null;
            var path = options.Target.FullName;
            var root = Path.GetDirectoryName(path)!;
            var shown = Path.GetRelativePath(Environment.CurrentDirectory, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
                ? relative.Replace('\\', '/')
                : Path.GetFileName(path);
            progress?.Report($"Loading {shown} ({options.Configuration})");
            PublishingMap map;
            using (var loaded = await SolutionLoader.LoadAsync(options.Target.ToString(), options.Configuration, progress, cancellationToken))
            {
                map = await AuditRunner.RunAsync(loaded.Solution, root, shown, options.Configuration, progress, cancellationToken);
            }

            if (before is not null)
            {
                map.Changes = Baseline.Compare(before, map);
            }

            var text = format switch
            {
                "json" => JsonReport.Write(map),
                "sarif" => SarifReport.Write(map),
                "html" => HtmlReport.Write(map, LinkBase(root, options.Output)),
                _ => MarkdownReport.Write(map),
            };
            if (options.Output is { } output)
            {
                try
                {
                    Directory.CreateDirectory(output.DirectoryName!);
                    await File.WriteAllTextAsync(output.FullName, text, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new AuditException($"Cannot write the report to '{options.Output}': {(e is UnauthorizedAccessException ? "access denied (check the folder's permissions)" : e.Message)}");
                }

                progress?.Report($"Wrote {format} to {output.FullName}");
            }
            else
            {
                await stdout.WriteAsync(text);
            }

            var s = map.Summary;
            progress?.Report($"{s.Sites} publish sites ({string.Join(", ", s.ByStatus.Select(p => p.Value + " " + p.Key))}), {s.EntryPoints} entry points, {s.UnattendedPaths} unattended paths, {s.UnresolvedSends} unresolved sends.");
            if (map.IsIncomplete)
            {
                await stderr.WriteLineAsync("warning: " + Report.Incomplete(map));
                foreach (var error in map.CompileErrors.Take(10))
                {
                    await stderr.WriteLineAsync($"  {error.File}({error.Line},{error.Column}): {error.Id}: {error.Message}");
                }
            }

            var findings = Baseline.Findings(map, options.FailOn);
            if (findings.Count > 0)
            {
                await stderr.WriteLineAsync($"--fail-on {options.FailOn}: {findings.Count} finding{(findings.Count == 1 ? "" : "s")}{(before is null ? "" : " added since the baseline")}:");
                foreach (var finding in findings)
                {
                    await stderr.WriteLineAsync("  " + finding);
                }
            }

            // A gate that passes on a map with holes in it would pass a change it cannot see.
            if (map.IsIncomplete && (before is not null || options.FailOn != "none"))
            {
                await stderr.WriteLineAsync("error: the map is incomplete, so " + (before is not null ? "the comparison with the baseline" : "--fail-on " + options.FailOn) + " cannot pass: fix the compile errors and run presence audit again.");
                return Incomplete;
            }

            return findings.Count > 0 ? Findings : Ok;
        }
        catch (AuditException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return Error;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Cancelled.");
            return Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return Error;
        }
    }

    // The solution's folder as seen from the page, so that its file:line links open the sources.
    private static string LinkBase(string root, FileInfo? output)
        => Path.GetRelativePath(output?.DirectoryName ?? Environment.CurrentDirectory, root).Replace('\\', '/') is var relative && relative != "." ? relative : "";

    private static string? FormatOf(FileInfo? output)
        => output?.Extension.ToLowerInvariant() switch
        {
            ".html" or ".htm" => "html",
            ".md" or ".markdown" => "md",
            ".sarif" => "sarif",
            ".json" => "json",
            _ => null,
        };

    // Progress goes to stderr as it happens (Progress<T> would post to the thread pool and reorder lines).
    private sealed class Progress(TextWriter writer) : IProgress<string>
    {
        private readonly object _gate = new();

        public void Report(string value)
        {
            lock (_gate)
            {
                writer.WriteLine(value);
            }
        }
    }
}
