using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Generators.Tests.Support;

namespace Presence.Generators.Tests;

/// <summary>
/// Every shape at once, compiled with documentation diagnostics on: at C# 7.3 with nullable off (netstandard2.0
/// consumers), at the latest version with nullable on, and with nullable off. Not one warning.
/// </summary>
public class CompileTests
{
    internal const string EveryShape = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        /// <summary>In the global namespace.</summary>
        [GeneratePublisherGate]
        public interface IGlobalPublisher
        {
            /// <summary>Posts.</summary>
            /// <param name="text">The text.</param>
            void Post(string text);
        }

        namespace Acme.Social.Deep
        {
            /// <summary>A post.</summary>
            public sealed class Post : IApprovalContent
            {
                /// <summary>The text.</summary>
                public string Text { get; set; }

                /// <summary>The fingerprint.</summary>
                /// <returns>It.</returns>
                public ContentFingerprint GetApprovalFingerprint() { return ContentFingerprint.Of("post", Text); }
            }

            /// <summary>A note.</summary>
            public struct Note : IApprovalContent
            {
                /// <summary>The fingerprint.</summary>
                /// <returns>It.</returns>
                public ContentFingerprint GetApprovalFingerprint() { return ContentFingerprint.Of("note"); }
            }

            /// <summary>Levels.</summary>
            public enum Level
            {
                /// <summary>Low.</summary>
                Low = -1,

                /// <summary>High.</summary>
                High = 2,
            }

            /// <summary>A base.</summary>
            /// <typeparam name="TItem">The item.</typeparam>
            public interface IBase<TItem>
            {
                /// <summary>Sends an item.</summary>
                /// <param name="item">The item.</param>
                /// <returns>Done.</returns>
                Task SendAsync(TItem item);

                /// <summary>Loads an item.</summary>
                /// <param name="item">The item.</param>
                void Load(out TItem item);
            }

            /// <summary>Another base.</summary>
            public interface IOther
            {
                /// <summary>Announces.</summary>
                /// <param name="text">The text; see <paramref name="text"/>.</param>
                void Announce(string text);
            }

            /// <summary>The publisher; see <see cref="Post"/>.</summary>
            /// <typeparam name="TPost">What it posts.</typeparam>
            [GeneratePublisherGate]
            public interface IPublisher<TPost> : IBase<string>, IOther where TPost : class, IApprovalContent
            {
                /// <summary>Posts <paramref name="post"/>, see <see cref="IOther.Announce(string)"/>.</summary>
                /// <param name="post">The post.</param>
                /// <param name="cancellationToken">Cancels.</param>
                /// <returns>An id.</returns>
                Task<string> PostAsync(TPost post, CancellationToken cancellationToken = default(CancellationToken));

                /// <summary>Posts text at <paramref name="level"/>.</summary>
                /// <param name="text">The text.</param>
                /// <param name="level">The level.</param>
                /// <returns>An id.</returns>
                Task<string> PostAsync(string text, Level level = Level.Low);

                /// <summary>Posts text with media.</summary>
                /// <param name="text">The text.</param>
                /// <param name="media">The media.</param>
                /// <returns>An id.</returns>
                Task<string> PostAsync(string text, Uri[] media);

                /// <summary>Routes content.</summary>
                /// <typeparam name="T">The content.</typeparam>
                /// <param name="content">The content.</param>
                /// <param name="weight">A weight.</param>
                /// <returns>A number.</returns>
                ValueTask<int> RouteAsync<T>(T content, double weight = 1.5) where T : IApprovalContent, new();

                /// <summary>One generic content.</summary>
                /// <typeparam name="T">The content.</typeparam>
                /// <param name="content">The content.</param>
                void Single<T>(T content) where T : class, IApprovalContent;

                /// <summary>Runtime-fingerprinted content.</summary>
                /// <typeparam name="T">The content.</typeparam>
                /// <typeparam name="TValue">A value.</typeparam>
                /// <param name="content">The content.</param>
                /// <param name="value">The value.</param>
                /// <param name="values">More.</param>
                /// <returns>Done.</returns>
                ValueTask Loose<T, TValue>(T content, TValue value, ImmutableArray<TValue> values) where TValue : struct;

                /// <summary>Every scalar.</summary>
                /// <param name="note">Note.</param>
                /// <param name="count">Count.</param>
                /// <param name="when">When.</param>
                /// <param name="id">Id.</param>
                /// <param name="price">Price.</param>
                /// <param name="flag">Flag.</param>
                /// <param name="letter">Letter.</param>
                /// <param name="ratio">Ratio.</param>
                /// <param name="levels">Levels.</param>
                /// <param name="maybe">Maybe.</param>
                /// <param name="big">Big.</param>
                /// <param name="tiny">Tiny.</param>
                /// <param name="notANumber">NaN.</param>
                /// <param name="since">Since.</param>
                /// <param name="notes">Notes.</param>
                /// <returns>The count.</returns>
                long Many(Note? note, int? count, DateTime when, Guid id, decimal price = 1.25m, bool? flag = null, char letter = 'x', float ratio = 0.5f,
                    List<Level?> levels = null, string maybe = "a\"b", ulong big = ulong.MaxValue, sbyte tiny = -3, double notANumber = double.NaN,
                    TimeSpan? since = null, IEnumerable<Note> notes = null);

                /// <summary>Keyword names.</summary>
                /// <param name="class">A class.</param>
                /// <param name="event">An event.</param>
                void Keywords(string @class, int @event);

                /// <summary>Nothing at all.</summary>
                /// <param name="ct">Cancels.</param>
                /// <returns>Done.</returns>
                Task NothingAsync(CancellationToken ct);

                /// <summary>Only a schedule.</summary>
                /// <param name="at">When.</param>
                void Reschedule(TimeSpan at);

                /// <summary>Obsolete.</summary>
                /// <param name="text">Text.</param>
                [Obsolete("Use PostAsync")]
                void Old(string text);

                /// <summary>Names the gate uses.</summary>
                /// <param name="approval">An approval.</param>
                /// <param name="content">A content.</param>
                /// <param name="cancellationToken">A token.</param>
                void Clash(string approval, string content, CancellationToken cancellationToken);

                /// <summary>A property.</summary>
                string Account { get; }
            }

            /// <summary>Internal.</summary>
            [GeneratePublisherGate]
            internal interface IInternalPublisher
            {
                /// <summary>Posts.</summary>
                /// <param name="text">Text.</param>
                void Post(string text);
            }

            /// <summary>Someone's type.</summary>
            public class ClashPublisherGate
            {
            }

            /// <summary>Its gate gets another name.</summary>
            [GeneratePublisherGate]
            public interface IClashPublisher
            {
                /// <summary>Posts.</summary>
                /// <param name="text">Text.</param>
                void Post(string text);
            }

            /// <summary>Without the I.</summary>
            [GeneratePublisherGate]
            public interface ClashPublisher
            {
                /// <summary>Posts.</summary>
                /// <param name="text">Text.</param>
                void Post(string text);
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable)]
    public void Every_shape_compiles_without_a_warning(LanguageVersion version, NullableContextOptions nullable)
    {
        var source = version == LanguageVersion.CSharp7_3
            ? EveryShape.Replace("ImmutableArray<TValue> values", "TValue[] values")
            : EveryShape;
        var run = GateCompilation.Run(source, version, nullable, withServices: true);

        Assert.Equal(5, run.Generated.Count);
        Assert.DoesNotContain(run.Problems(), d => !IsExpectedInSource(d, nullable));
        foreach (var generated in run.Generated.Values)
        {
            Assert.StartsWith("// <auto-generated/>\n", generated, System.StringComparison.Ordinal);
            Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"Presence.Generators\", ", generated, System.StringComparison.Ordinal);
            var directive = version == LanguageVersion.CSharp7_3 ? null : nullable == NullableContextOptions.Enable ? "#nullable enable\n" : "#nullable disable\n";
            if (directive is null)
            {
                Assert.DoesNotContain("#nullable", generated, System.StringComparison.Ordinal);
                Assert.DoesNotContain("string?", generated, System.StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(directive, generated, System.StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Gates_get_names_that_never_clash()
    {
        var run = GateCompilation.Run(EveryShape);
        Assert.Equal(
            new[] { "Acme.Social.Deep.ClashPublisherApprovalGate.g.cs", "Acme.Social.Deep.ClashPublisherGate2.g.cs", "Acme.Social.Deep.InternalPublisherGate.g.cs", "Acme.Social.Deep.PublisherGate`1.g.cs", "GlobalPublisherGate.g.cs" },
            run.Generated.Keys.OrderBy(k => k, System.StringComparer.Ordinal));

        // ClashPublisherGate is someone's class: IClashPublisher, first by convention, takes the next name.
        Assert.Contains("ClashPublisherApprovalGate(global::Acme.Social.Deep.IClashPublisher inner", run.Generated["Acme.Social.Deep.ClashPublisherApprovalGate.g.cs"], System.StringComparison.Ordinal);
        Assert.Contains("ClashPublisherGate2(global::Acme.Social.Deep.ClashPublisher inner", run.Generated["Acme.Social.Deep.ClashPublisherGate2.g.cs"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_dependency_injection_nothing_refers_to_it()
    {
        var run = GateCompilation.Run(EveryShape);
        Assert.All(run.Generated.Values, source => Assert.DoesNotContain("Microsoft.Extensions", source, System.StringComparison.Ordinal));
        Assert.DoesNotContain(run.Problems(), d => !IsExpectedInSource(d, NullableContextOptions.Enable));
    }

    [Fact]
    public void A_token_cannot_be_forged_in_user_code()
    {
        var run = GateCompilation.Run(EveryShape + """
            class Forger
            {
                Approved<string> Forge() => new Approved<string>("hi", null, null, default, default);
            }
            """);
        // The only constructor is internal to Presence.Abstractions: user code sees none.
        Assert.Contains(run.Problems(), d => d.Id == "CS1729" && d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>The user's own source: with nullable on, a not-null property without a constructor, or a null default of a not-null parameter.</summary>
    private static bool IsExpectedInSource(Diagnostic diagnostic, NullableContextOptions nullable)
        => nullable == NullableContextOptions.Enable
            && diagnostic.Location.SourceTree?.FilePath == "Source0.cs"
            && diagnostic.Id is "CS8618" or "CS8625";
}
