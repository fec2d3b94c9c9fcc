using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests;

/// <summary>The analyzer's folders form a one-way stack (docs/design/layout.md): a folder uses only those below it.</summary>
public sealed class LayeringTests
{
    // Bottom first. Rules and Summaries (the generator that writes what an assembly publishes) are the top; Gates stands on its own;
    // Audit (what the publishing map is told) sits just under Rules.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Catalog"] = [],
        ["Configuration"] = ["Catalog"],
        ["Model"] = ["Catalog", "Configuration"],
        ["Flow"] = ["Catalog", "Configuration", "Model"],
        ["Paths"] = ["Catalog", "Configuration", "Model", "Flow"],
        ["Gates"] = [],
        ["Summaries"] = ["Catalog", "Configuration", "Model", "Flow", "Paths"],
        ["Audit"] = ["Catalog", "Configuration", "Model", "Flow", "Paths"],
        ["Rules"] = ["Catalog", "Configuration", "Model", "Flow", "Paths", "Gates", "Audit"],
    };

    private static readonly Regex Reference = new(@"\bPresence\.Analyzers\.(?<folder>[A-Z][A-Za-z]+)\b", RegexOptions.Compiled);

    [Fact]
    public void Every_folder_uses_only_the_folders_below_it()
    {
        var source = Path.Combine(RepoFiles.Root, "src", "Presence.Analyzers");
        var folders = Directory.GetDirectories(source).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        Assert.Equal(Allowed.Keys.OrderBy(k => k, StringComparer.Ordinal), folders.OrderBy(f => f, StringComparer.Ordinal)!);

        var upward = new List<string>();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(source, folder!), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in Reference.Matches(File.ReadAllText(file)))
                {
                    var used = match.Groups["folder"].Value;
                    if (used != folder && Allowed.ContainsKey(used) && !Allowed[folder!].Contains(used))
                    {
                        upward.Add($"{Path.GetRelativePath(source, file)} uses {used}");
                    }
                }
            }
        }

        Assert.Empty(upward.Distinct());
    }
}
