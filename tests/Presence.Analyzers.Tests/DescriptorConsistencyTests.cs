using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Analyzers.Tests;

/// <summary>Every descriptor has its doc page, its release-tracking row and its line in each enforcement mode.</summary>
public class DescriptorConsistencyTests
{
    private static readonly string RepoRoot = Verifiers.RepoFiles.Root;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Descriptors().Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_doc_page_named_by_its_help_link(string id)
    {
        var descriptor = Descriptors().First(d => d.Id == id);
        Assert.Equal(PresenceDiagnostics.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var page = Path.Combine(RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith($"# {id}", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_is_tracked_and_set_by_every_enforcement_mode(string id)
    {
        var unshipped = File.ReadAllText(Path.Combine(RepoRoot, "src", "Presence.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex($@"^{id} \|", RegexOptions.Multiline), unshipped);

        foreach (var (mode, severity) in new[] { ("strict", "error"), ("audit", "warning") })
        {
            var config = File.ReadAllText(Path.Combine(RepoRoot, "build", "config", mode + ".globalconfig"));
            Assert.Contains($"dotnet_diagnostic.{id}.severity = {severity}", config, StringComparison.Ordinal);
        }
    }

    private static DiagnosticDescriptor[] Descriptors()
        => typeof(PresenceDiagnostics).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToArray();
}
