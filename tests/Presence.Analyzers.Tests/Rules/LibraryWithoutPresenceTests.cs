using System.Threading.Tasks;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;
using Xunit;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>PRES107: a referenced assembly built without Presence that references a social SDK, once per compilation.</summary>
public class LibraryWithoutPresenceTests
{
    private const string Sender = """
        using System.Threading.Tasks;
        using Telegram.Bot;
        public class ChannelSender(ITelegramBotClient bot) { public Task Send(string text) => bot.SendMessage("@deals", text); }
        """;

    private const string Worker = "class Worker { }";

    private static Task VerifyAsync(MetadataReference[] references, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<LibraryWithoutPresenceAnalyzer>.Test { TestCode = Worker };
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Opaque(params string[] arguments)
        => AnalyzerVerifier<LibraryWithoutPresenceAnalyzer>.Diagnostic(PresenceDiagnostics.LibraryWithoutPresence).WithArguments(arguments);

    [Fact]
    public Task A_library_built_without_Presence_that_references_an_SDK_is_named()
        => VerifyAsync(
            [PathVerifier.Telegram, LibraryBuilder.Build("Deals.Core", Sender, withPresence: false, PathVerifier.Telegram)],
            Opaque("The referenced assembly 'Deals.Core'", "references", "was", "it", "that project"));

    [Fact]
    public Task Several_are_named_in_one_diagnostic()
        => VerifyAsync(
            [
                PathVerifier.Telegram,
                LibraryBuilder.Build("Deals.Core", Sender, withPresence: false, PathVerifier.Telegram),
                LibraryBuilder.Build("Alerts.Core", Sender, withPresence: false, PathVerifier.Telegram),
            ],
            Opaque("The referenced assemblies 'Alerts.Core' and 'Deals.Core'", "reference", "were", "them", "those projects"));

    [Fact]
    public Task A_library_built_with_Presence_is_not_reported_even_when_nothing_in_it_publishes()
        => VerifyAsync([
            PathVerifier.Telegram,
            LibraryBuilder.Build("Deals.Core", Sender, PathVerifier.Telegram),
            LibraryBuilder.Build("Quiet.Core", "public class Formatter { public string Format(Telegram.Bot.Types.Message m) => m.Text ?? string.Empty; }", PathVerifier.Telegram),
        ]);

    [Fact]
    public Task A_library_without_Presence_that_references_no_SDK_and_the_SDK_itself_are_not_reported()
        => VerifyAsync([
            PathVerifier.Telegram,
            LibraryBuilder.Build("Plain.Core", "public class Calculator { public int Add(int a, int b) => a + b; }", withPresence: false),
        ]);

    // The answer is kept per set of references: an edit keeps it, a reference gained is a new set and is seen.
    [Fact]
    public async Task A_library_gained_as_a_reference_is_named_and_an_edit_keeps_the_answer()
    {
        var before = CSharpCompilation.Create(
            "Host",
            [CSharpSyntaxTree.ParseText(Worker, path: "Worker.cs")],
            TestReferences.Framework.Add(PathVerifier.Telegram),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(await Run(before));

        var after = before.AddReferences(LibraryBuilder.Build("Deals.Core", Sender, withPresence: false, PathVerifier.Telegram));
        Assert.Equal("PRES107", Assert.Single(await Run(after)).Id);

        var tree = after.SyntaxTrees.Single();
        var edited = after.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Worker + "\nclass Other { }")));
        Assert.Equal("PRES107", Assert.Single(await Run(edited)).Id);
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Run(Compilation compilation)
        => compilation.WithAnalyzers([new LibraryWithoutPresenceAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
}
