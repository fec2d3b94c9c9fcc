using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Generators.Tests.Support;
using Steps = Presence.Generators.Gates.PublisherGateGenerator.TrackingNames;

namespace Presence.Generators.Tests;

/// <summary>
/// After the LoggerMessage generator's tests: an edit that does not touch a gated interface leaves every model step
/// Cached or Unchanged (so no source is rewritten), an edit of the interface shows up as Modified, and the models
/// hold nothing that would keep a compilation alive or defeat the comparison.
/// </summary>
public class IncrementalityTests
{
    private const string Gated = """
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        namespace Acme.Social
        {
            [GeneratePublisherGate]
            public interface IMastodonPublisher
            {
                Task<string> PublishStatusAsync(string text, CancellationToken cancellationToken = default);
            }
        }
        """;

    private const string Unrelated = """
        namespace Acme.Social
        {
            public static class Greeting
            {
                public static string Text => "hello";
            }
        }
        """;

    private static readonly string[] ModelSteps = { Steps.Gates, Steps.GeneratedGates, Steps.Services, Steps.Output };

    [Fact]
    public void An_edit_elsewhere_leaves_every_step_cached_or_unchanged()
    {
        var first = GateCompilation.Run(new[] { Gated, Unrelated }, withServices: true);
        var edited = Replace(first.Input, 1, Unrelated.Replace("hello", "good morning") + "\nnamespace Acme.Social { public class Added { } }");

        var second = first.Rerun(edited);

        foreach (var step in ModelSteps)
        {
            Assert.NotEmpty(Outputs(second, step));
            Assert.All(Outputs(second, step), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step} was {reason} after an edit elsewhere"));
        }

        Assert.Equal(first.Generated, second.Generated);
    }

    [Fact]
    public void A_reference_to_dependency_injection_gained_or_lost_is_seen()
    {
        // The references are read again only when they change, never after an edit of the source: a change is seen.
        var without = GateCompilation.Run(new[] { Gated, Unrelated });
        var with = GateCompilation.Run(new[] { Gated, Unrelated }, withServices: true);
        Assert.DoesNotContain("IServiceCollection", without.Generated.Values.Single(), StringComparison.Ordinal);

        var gained = without.Rerun(without.Input.AddReferences(with.Input.References.Except(without.Input.References)));
        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(gained, Steps.Services));
        Assert.Equal(with.Generated, gained.Generated);

        var lost = gained.Rerun(without.Input);
        Assert.Equal(without.Generated, lost.Generated);
    }

    [Fact]
    public void An_edit_of_the_gated_interface_is_modified_all_the_way_to_the_output()
    {
        var first = GateCompilation.Run(new[] { Gated, Unrelated });
        var edited = Replace(first.Input, 0, Gated.Replace(
            "Task<string> PublishStatusAsync(string text,",
            "Task<string> PublishStatusAsync(string text, string spoiler,"));

        var second = first.Rerun(edited);

        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(second, Steps.Gates));
        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(second, Steps.Output));
        Assert.Contains("content.Spoiler", second.Generated.Values.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_inside_a_method_of_the_gated_file_that_changes_no_member_is_unchanged()
    {
        var withBody = Gated.Replace("}\n}", "}\n\n    public static class Helper { public static int Count() => 1; }\n}");
        var first = GateCompilation.Run(new[] { withBody });
        var second = first.Rerun(Replace(first.Input, 0, withBody.Replace("=> 1;", "=> 2;")));

        Assert.All(Outputs(second, Steps.Gates), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        Assert.All(Outputs(second, Steps.Output), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void The_models_hold_no_symbols_syntax_locations_or_compilations()
    {
        var run = GateCompilation.Run(CompileTests.EveryShape, withServices: true);
        var models = run.Result.Results.Single().TrackedSteps[Steps.GeneratedGates]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .ToList();

        Assert.NotEmpty(models);
        foreach (var model in models)
        {
            AssertPlain(model, model.GetType().Name, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static void AssertPlain(object? value, string path, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel,
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertPlain(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertPlain(property.GetValue(value), path + "." + property.Name, seen);
        }
    }

    private static IEnumerable<IncrementalStepRunReason> Outputs(GateCompilation run, string step)
        => run.Result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        var tree = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
    }
}
