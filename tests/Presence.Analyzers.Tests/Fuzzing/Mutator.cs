using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Presence.Analyzers.Tests.Fuzzing;

/// <summary>
/// Mutations of a source that keep it close to real code while breaking it in the ways half-typed code is broken:
/// truncation at a token boundary, deleted or duplicated tokens and lines, identifiers swapped for others of the file,
/// a line of another input spliced in, and constructs that stress the analyses (cycles, self-references, odd
/// control flow, attributes in unusual places) dropped at a random line.
/// </summary>
internal static class Mutator
{
    // Each is inserted as one line wherever it lands: in a body, a type, a namespace or between two tokens.
    private static readonly string[] Constructs =
    [
        "var u = u + \"/api/v1/statuses\"; await new System.Net.Http.HttpClient().PostAsync(u, null);",
        "const string A = B + \"/2/tweets\"; const string B = A + \"https://api.x.com\";",
        "var request = new System.Net.Http.HttpRequestMessage { Method = System.Net.Http.HttpMethod.Post, RequestUri = request.RequestUri }; await new System.Net.Http.HttpClient().SendAsync(request);",
        "using var http = new System.Net.Http.HttpClient(); await http.SendAsync(new(System.Net.Http.HttpMethod.Post, $\"https://mastodon.social/api/v1/{\"statuses\"}\"));",
        "await new System.Net.Http.HttpClient().PostAsync(new System.Uri(new System.Uri(\"https://api.x.com\"), (string)null), null);",
        "async System.Collections.Generic.IAsyncEnumerable<int> Gen() { yield return 1; await System.Threading.Tasks.Task.Yield(); }",
        "[Presence.AutomatedPresence(\"\")] void Local() { Local(); } Local();",
        "System.Func<System.Threading.Tasks.Task> f = [Presence.RequiresHumanApproval] async () => await f();",
        "goto end; end: ;",
        "switch (args) { case null when args is null: break; default: goto case null; }",
        "try { } catch when (true) { throw; } finally { }",
        "dynamic d = null; d.PublishAsync(d); d.Confirm();",
        "new System.Threading.Timer(_ => { }, null, 0, 1); new System.Threading.Timer(callback: null, null, 0, 1);",
        "while (await new System.Threading.PeriodicTimer(System.TimeSpan.FromSeconds(1)).WaitForNextTickAsync()) { continue; }",
        "[Presence.UnattendedEntryPoint(HandlesIncomingMessages = true)] public void Entry() => Entry();",
        "[Presence.HumanConfirmation(ApprovalProperty = null)] public object Ask() => Ask();",
        "[Presence.HumanConfirmation(ApprovalProperty = \"Missing\")] public System.Threading.Tasks.ValueTask<int?> AskLater() => default;",
        "[Presence.PublishesContent] public void Publish() => Publish();",
        "[Presence.RequiresHumanApproval] public override string ToString() => base.ToString();",
        "public static implicit operator bool(C c) => true;",
        "~C() { } static C() { } public int this[int i] => this[i];",
        "partial void P(); partial void P() { }",
        "record R(int X) : R(X);",
        "class Cycle : Cycle { } interface IA : IB { } interface IB : IA { }",
        "unsafe { int* p = stackalloc int[1]; }",
        "lock (this) { return; }",
        "x ??= await y ?? throw null;",
        "if (this is { } c && c is not null) { return; } else if (!!!true) { }",
        "[assembly: Presence.AutomatedPresence(\"\")]",
        "[Presence.AutomatedPresence(null)] class Justified { }",
        "event System.EventHandler Elapsed; void Hook(System.Timers.Timer t) { t.Elapsed += (s, e) => Hook(t); t.Elapsed -= null; }",
        "Hangfire.RecurringJob.AddOrUpdate(\"id\", () => System.Console.WriteLine(), \"* * * * *\");",
        "for (;;) { }",
        "return await (await (await x));",
    ];

    public static (string Text, string Description) Mutate(string source, Random random, string donor)
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

            var kind = random.Next(10);
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
                case 7:
                case 8:
                    var at = source.Split('\n').ToList();
                    var position = random.Next(at.Count + 1);
                    string inserted;
                    if (kind == 7)
                    {
                        var donorLines = donor.Split('\n');
                        inserted = donorLines[random.Next(donorLines.Length)];
                        steps.Add($"splice another input's line at line {position + 1}: {inserted.Trim()}");
                    }
                    else
                    {
                        inserted = Constructs[random.Next(Constructs.Length)];
                        steps.Add($"insert at line {position + 1}: {inserted}");
                    }

                    at.Insert(position, inserted);
                    source = string.Join('\n', at);
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
