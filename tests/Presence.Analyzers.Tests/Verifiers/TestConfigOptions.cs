using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Analyzers.Tests.Verifiers;

/// <summary>The same analyzer config options for every file and globally: for compilations built without the testing library.</summary>
internal sealed class TestConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private readonly Options _options = new(values);

    /// <summary>From one "key = value" line, as a usage file's '// options:' header gives it.</summary>
    public static TestConfigOptions FromLine(string? line) => new(Parse(line));

    /// <summary>The key and value of one "key = value" line; empty without one.</summary>
    public static Dictionary<string, string> Parse(string? line)
    {
        var parts = line?.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts is { Length: 2 } ? new Dictionary<string, string> { [parts[0]] = parts[1] } : new Dictionary<string, string>();
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
