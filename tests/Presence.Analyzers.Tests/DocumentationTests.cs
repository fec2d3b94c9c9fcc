using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.CodeFixes;

namespace Presence.Analyzers.Tests;

/// <summary>
/// The README's tables and docs/configuration.md list every rule (with its default severity), every code fix and
/// every switch. The lists are read from the code (the descriptors, the code-fix types, the option keys and the
/// package's props), so a rule, fix or switch added later fails here until it is documented.
/// </summary>
public class DocumentationTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Verifiers.RepoFiles.Root, "README.md"));
    private static readonly string Configuration = File.ReadAllText(Path.Combine(Verifiers.RepoFiles.Root, "docs", "configuration.md"));

    public static TheoryData<string> RuleIds() => Data(Descriptors().Select(d => d.Id));

    public static TheoryData<string> CodeFixes() => Data(CodeFixTypes().Select(t => t.Name));

    public static TheoryData<string> Switches() => Data(EditorConfigKeys().Concat(MsBuildProperties()));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_is_in_both_rule_tables_with_its_default_severity(string id)
    {
        var severity = Descriptors().Where(d => d.Id == id).Select(d => SeverityWord(d.DefaultSeverity)).Distinct().Single();
        Assert.Equal(severity, SeverityCell(Readme, $"| [{id}](docs/rules/{id}.md) |"));
        Assert.Equal(severity, SeverityCell(Configuration, $"| [{id}](rules/{id}.md) |"));
    }

    [Theory]
    [MemberData(nameof(CodeFixes))]
    public void Each_code_fix_is_in_both_code_fix_tables_with_the_rules_it_fixes(string typeName)
    {
        var type = CodeFixTypes().Single(t => t.Name == typeName);
        var title = type.GetField("Title", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        Assert.True(title is not null, $"{typeName} has no public const string Title: the name the docs give the fix");

        var fixes = ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds;
        foreach (var text in new[] { Readme, Configuration })
        {
            var row = TableRow(text, $"| *{title}* |");
            Assert.True(row is not null, $"no table row for *{title}*");
            Assert.All(fixes, id => Assert.Contains(id, row, StringComparison.Ordinal));
        }

        Assert.True(
            type.GetMethod(nameof(CodeFixProvider.GetFixAllProvider))!.DeclaringType == type,
            $"{typeName} does not offer Fix All");
    }

    [Theory]
    [MemberData(nameof(Switches))]
    public void Each_switch_is_in_the_readme_configuration_table_and_the_configuration_page(string name)
    {
        Assert.True(TableRow(Readme, $"| `{name} ") is not null || TableRow(Readme, $"| `<{name}>") is not null, $"README's configuration table lacks {name}");
        Assert.Contains(name, Configuration, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_sizes_the_docs_give_are_the_catalogs()
    {
        var entries = BuiltInCatalog.Parse(File.ReadAllText(Path.Combine(Verifiers.RepoFiles.Root, "src", "Presence.Analyzers", "Catalog", "PublishApis.txt")));
        var social = entries.Count(e => e.Category == PublishCategory.Social);
        var emailAndSms = entries.Length - social;
        Assert.Contains($"{social} members of social SDKs", Readme, StringComparison.Ordinal);
        Assert.Contains($"{emailAndSms} members of email and SMS SDKs", Readme, StringComparison.Ordinal);
        var catalogPage = File.ReadAllText(Path.Combine(Verifiers.RepoFiles.Root, "docs", "catalog.md"));
        Assert.Contains($"{social} members of social SDKs and {emailAndSms} of email and SMS SDKs", catalogPage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lists_read_from_the_code_are_not_empty()
    {
        // Guards the theories above: an empty member list would make them pass without checking anything.
        Assert.Contains(Descriptors(), d => d.Id == "PRES001");
        Assert.Contains(CodeFixTypes(), t => t == typeof(RequireApprovalFromCallersCodeFix));
        Assert.Contains("presence_email_and_sms", EditorConfigKeys());
        Assert.Contains("PresenceEnforcement", MsBuildProperties());
    }

    private static TheoryData<string> Data(IEnumerable<string> values)
    {
        var data = new TheoryData<string>();
        foreach (var value in values.Distinct().OrderBy(v => v, StringComparer.Ordinal))
        {
            data.Add(value);
        }

        return data;
    }

    private static DiagnosticDescriptor[] Descriptors()
        => typeof(PresenceDiagnostics).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToArray();

    private static Type[] CodeFixTypes()
        => typeof(RequireApprovalFromCallersCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .ToArray();

    // Every .editorconfig key the analyzers read: the constants named after them ("presence_…").
    private static IEnumerable<string> EditorConfigKeys()
        => typeof(PresenceDiagnostics).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(value => Regex.IsMatch(value, "^presence_[a-z_]+$"));

    // Every MSBuild property the package defines for users (the props file's Presence* properties).
    private static IEnumerable<string> MsBuildProperties()
        => XDocument.Load(Path.Combine(Verifiers.RepoFiles.Root, "build", "Presence.Analyzers.props"))
            .Descendants("PropertyGroup").Elements()
            .Select(e => e.Name.LocalName)
            .Where(name => name.StartsWith("Presence", StringComparison.Ordinal));

    private static string? TableRow(string markdown, string start)
        => markdown.Split('\n').FirstOrDefault(line => line.StartsWith(start, StringComparison.Ordinal));

    private static string? SeverityCell(string markdown, string start)
        => TableRow(markdown, start) is { } row
            ? row.Split('|', StringSplitOptions.RemoveEmptyEntries).Last().Trim().Trim('*')
            : null;

    private static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
