using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Presence.Analyzers.Tests.Fuzzing;

/// <summary>
/// Mutations of a source that keep it close to real code while breaking it in the ways half-typed code is broken:
/// truncation at a token boundary, deleted or duplicated tokens and lines, identifiers swapped for others of the file.
/// </summary>
internal static class Mutator
{
    public static (string Text, string Description) Mutate(string source, Random random)
    {
        var count = 1 + random.Next(3);
        var steps = new List<string>();
        for (var i = 0; i < count && source.Length > 0; i++)
        {
            var tokens = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot()
                .DescendantTokens(descendIntoTrivia: false).Where(t => t.Span.Length > 0).ToList();
            if (tokens.Count == 0)
            {
                break;
            }

            var kind = random.Next(7);
            var token = tokens[random.Next(tokens.Count)];
            switch (kind)
            {
                case 0:
                    source = source[..token.Span.End];
                    steps.Add($"truncate after '{token.Text}'@{token.SpanStart}");
                    i = count; // nothing after a truncation
                    break;
                case 1:
                    var run = 1 + random.Next(3);
                    var last = tokens[Math.Min(tokens.Count - 1, tokens.IndexOf(token) + run - 1)];
                    source = source[..token.SpanStart] + source[last.Span.End..];
                    steps.Add($"delete {run} token(s) from '{token.Text}'@{token.SpanStart}");
                    break;
                case 2:
                    source = source[..token.Span.End] + " " + token.Text + source[token.Span.End..];
                    steps.Add($"duplicate '{token.Text}'@{token.SpanStart}");
                    break;
                case 3:
                case 4:
                    var lines = source.Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    if (kind == 3)
                    {
                        lines.RemoveAt(line);
                        steps.Add($"delete line {line + 1}");
                    }
                    else
                    {
                        lines.Insert(line, lines[line]);
                        steps.Add($"duplicate line {line + 1}");
                    }

                    source = string.Join('\n', lines);
                    break;
                default:
                    var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
                    if (identifiers.Count < 2)
                    {
                        break;
                    }

                    var target = identifiers[random.Next(identifiers.Count)];
                    var replacement = identifiers[random.Next(identifiers.Count)].Text;
                    source = source[..target.SpanStart] + replacement + source[target.Span.End..];
                    steps.Add($"identifier '{target.Text}'@{target.SpanStart} -> '{replacement}'");
                    break;
            }
        }

        return (source, string.Join("; ", steps));
    }

    /// <summary>A PresenceApis.txt of a few plausible and broken lines, naming symbols of the source where it can.</summary>
    public static string DeclaredApis(string source, Random random)
    {
        var names = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.Text).Distinct().ToList();
        string Name() => names.Count == 0 ? "Missing" : names[random.Next(names.Count)];
        var text = new StringBuilder();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            text.AppendLine((random.Next(9)) switch
            {
                0 => $"M:{Name()}.{Name()}",
                1 => $"T:{Name()}.{Name()} ; a note",
                2 => $"M:{Name()}.{Name()}({Name()},System.String)",
                3 => $"M:{Name()}.{Name()}(",
                4 => $"{Name()}.{Name()}",
                5 => "M:",
                6 => $"// comment M:{Name()}",
                7 => $"T:{Name()}+{Name()}`1 ;",
                _ => $"M:{Name()}.{Name()} ; twice\nM:{Name()}.{Name()} ; twice",
            });
        }

        return text.ToString();
    }

    /// <summary>Values for the configuration keys: valid, misspelled, empty, numeric, absurd.</summary>
    public static Dictionary<string, string> Options(Random random)
    {
        string[] anything = ["", " ", "true", "false", "yes", "0", "-1", "2147483648", "X, Telegram", "Twiter;;", "strict", "strickt", "audit ", "\u00e9", "16", "1e3"];
        var options = new Dictionary<string, string>();
        foreach (var key in new[] { "presence_email_and_sms", "presence_disabled_platforms", "presence_max_path_depth", "build_property.PresenceEnforcement" })
        {
            if (random.Next(2) == 0)
            {
                options[key] = anything[random.Next(anything.Length)];
            }
        }

        return options;
    }
}
