using Microsoft.CodeAnalysis.CSharp;
using Presence.Generators.Tests.Support;

namespace Presence.Generators.Tests;

/// <summary>The generated source for representative interfaces, pinned in Snapshots/ and compiled without a warning.</summary>
public class SnapshotTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        """;

    private const string LinkedInPost = """
        /// <summary>A post on a LinkedIn page.</summary>
        public sealed class LinkedInPost : IApprovalContent
        {
            /// <summary>Creates a post.</summary>
            /// <param name="page">The page.</param>
            /// <param name="text">The text.</param>
            public LinkedInPost(string page, string text) { Page = page; Text = text; }

            /// <summary>The page.</summary>
            public string Page { get; }

            /// <summary>The text.</summary>
            public string Text { get; set; }

            /// <inheritdoc/>
            public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("linkedin", Page, Text);
        }

        """;

    [Fact]
    public void A_single_content_parameter_is_approved_as_it_is()
        => Verify("SingleContentParameter", Usings + "namespace Acme.Social\n{\n" + LinkedInPost + """
            /// <summary>Publishes to the company's LinkedIn pages.</summary>
            [GeneratePublisherGate]
            public interface ILinkedInPublisher
            {
                /// <summary>Publishes <paramref name="post"/> on its page.</summary>
                /// <param name="post">The post.</param>
                /// <param name="ct">Cancels the request.</param>
                /// <returns>The URN of the published post.</returns>
                /// <exception cref="InvalidOperationException">LinkedIn refused the post.</exception>
                Task<string> PostAsync(LinkedInPost post, CancellationToken ct);
            }
            }
            """);

    [Fact]
    public void Several_parameters_become_a_content_type_that_leaves_the_schedule_out_of_the_fingerprint()
        => Verify("ContentType", Usings + """
            namespace Acme.Social
            {
                /// <summary>Who sees a status.</summary>
                public enum Visibility
                {
                    /// <summary>Everyone.</summary>
                    Public,

                    /// <summary>Followers.</summary>
                    Followers,
                }

                /// <summary>Publishes to Mastodon.</summary>
                [GeneratePublisherGate]
                public interface IMastodonPublisher
                {
                    /// <summary>Publishes a status with <paramref name="media"/>.</summary>
                    /// <param name="text">The text of the status.</param>
                    /// <param name="media">Images, by URL.</param>
                    /// <param name="visibility">Who sees it.</param>
                    /// <param name="sensitive">Whether it is hidden behind a warning.</param>
                    /// <param name="scheduledAt">When Mastodon publishes it; null for now.</param>
                    /// <param name="cancellationToken">Cancels the request.</param>
                    /// <returns>The status id.</returns>
                    Task<string> PublishStatusAsync(
                        string text,
                        IReadOnlyList<Uri> media,
                        Visibility visibility = Visibility.Public,
                        bool? sensitive = null,
                        DateTimeOffset? scheduledAt = null,
                        CancellationToken cancellationToken = default);
                }
            }
            """);

    [Fact]
    public void Without_nullable_annotations_at_CSharp_7_3_the_gate_has_none_either()
        => Verify(
            "ContentTypeCSharp73",
            Usings + """
            namespace Acme.Social
            {
                /// <summary>Publishes to Mastodon.</summary>
                [GeneratePublisherGate]
                public interface IMastodonPublisher
                {
                    /// <summary>Publishes a status.</summary>
                    /// <param name="text">The text of the status.</param>
                    /// <param name="spoiler">A content warning; null for none.</param>
                    /// <param name="cancellationToken">Cancels the request.</param>
                    /// <returns>The status id.</returns>
                    Task<string> PublishStatusAsync(string text, string spoiler = null, CancellationToken cancellationToken = default(CancellationToken));
                }
            }
            """,
            LanguageVersion.CSharp7_3,
            Microsoft.CodeAnalysis.NullableContextOptions.Disable);

    [Fact]
    public void Generic_methods_keep_their_type_parameters_and_constraints()
        => Verify("GenericMethod", Usings + """
            namespace Acme.Social
            {
                /// <summary>Publishes to a feed.</summary>
                [GeneratePublisherGate]
                public interface IFeedPublisher
                {
                    /// <summary>Publishes an item to a channel.</summary>
                    /// <typeparam name="TItem">The kind of item.</typeparam>
                    /// <param name="item">The item.</param>
                    /// <param name="channel">The channel.</param>
                    void Publish<TItem>(TItem item, string channel) where TItem : class, IApprovalContent, new();

                    /// <summary>Pins an item.</summary>
                    /// <typeparam name="TItem">The kind of item.</typeparam>
                    /// <param name="item">The item.</param>
                    /// <returns>Whether it was pinned.</returns>
                    ValueTask<bool> PinAsync<TItem>(TItem item) where TItem : IApprovalContent;
                }
            }
            """);

    [Fact]
    public void A_generic_interface_gets_a_generic_gate()
        => Verify("GenericInterface", Usings + """
            namespace Acme.Messaging
            {
                /// <summary>A channel for one kind of message.</summary>
                /// <typeparam name="TMessage">The message.</typeparam>
                [GeneratePublisherGate]
                public interface IChannel<TMessage> where TMessage : class, IApprovalContent
                {
                    /// <summary>Sends a message.</summary>
                    /// <param name="message">The message.</param>
                    /// <param name="ct">Cancels.</param>
                    /// <returns>When sent.</returns>
                    Task SendAsync(TMessage message, CancellationToken ct = default);

                    /// <summary>Replies to a message.</summary>
                    /// <param name="inReplyTo">The message replied to.</param>
                    /// <param name="reply">The reply.</param>
                    void Reply(TMessage inReplyTo, string reply);
                }
            }
            """);

    [Fact]
    public void Inherited_members_are_gated_and_called_through_the_interface_that_declares_them()
        => Verify("InheritedInterfaces", Usings + """
            namespace Acme.Social
            {
                /// <summary>Drafts.</summary>
                public interface IDrafts
                {
                    /// <summary>Saves a draft where followers see it.</summary>
                    /// <param name="text">The text.</param>
                    /// <returns>When saved.</returns>
                    Task SaveAsync(string text);
                }

                /// <summary>Replies.</summary>
                /// <typeparam name="TId">The id of a post.</typeparam>
                public interface IReplies<TId>
                {
                    /// <summary>Replies to a post.</summary>
                    /// <param name="to">The post.</param>
                    /// <param name="text">The reply.</param>
                    /// <returns>The reply's id.</returns>
                    Task<TId> ReplyAsync(TId to, string text);
                }

                /// <summary>Publishes to Bluesky.</summary>
                [GeneratePublisherGate]
                public interface IBlueskyPublisher : IDrafts, IReplies<string>
                {
                    /// <summary>Posts.</summary>
                    /// <param name="text">The text.</param>
                    /// <returns>The post's id.</returns>
                    Task<string> PostAsync(string text);
                }
            }
            """);

    [Fact]
    public void Overloads_get_content_types_named_after_their_parameters()
        => Verify("Overloads", Usings + "namespace Acme.Social\n{\n" + LinkedInPost + """
            /// <summary>Publishes to LinkedIn.</summary>
            [GeneratePublisherGate]
            public interface ILinkedInPublisher
            {
                /// <summary>Posts text.</summary>
                /// <param name="text">The text.</param>
                /// <returns>Done.</returns>
                Task PostAsync(string text);

                /// <summary>Posts text with an image.</summary>
                /// <param name="text">The text.</param>
                /// <param name="image">The image.</param>
                /// <returns>Done.</returns>
                Task PostAsync(string text, Uri image);

                /// <summary>Posts a post.</summary>
                /// <param name="post">The post.</param>
                /// <returns>Done.</returns>
                Task PostAsync(LinkedInPost post);

                /// <summary>Posts a post, cancellably.</summary>
                /// <param name="post">The post.</param>
                /// <param name="ct">Cancels.</param>
                /// <returns>Done.</returns>
                Task PostAsync(LinkedInPost post, CancellationToken ct);
            }
            }
            """);

    [Fact]
    public void An_internal_interface_in_a_nested_namespace_gets_an_internal_gate_there()
        => Verify("InternalNestedNamespace", Usings + """
            namespace Acme
            {
                namespace Social.Publishing.Internal
                {
                    [GeneratePublisherGate]
                    internal interface ISlackNotifier
                    {
                        void Notify(string channel, string text);
                    }
                }
            }
            """);

    [Fact]
    public void A_name_taken_by_a_type_of_the_namespace_makes_it_an_approval_gate()
        => Verify("NameClash", Usings + """
            namespace Acme.Social
            {
                /// <summary>Someone's own class, older than the gate.</summary>
                public class TelegramPublisherGate
                {
                }

                /// <summary>Publishes to a Telegram channel.</summary>
                [GeneratePublisherGate]
                public interface ITelegramPublisher
                {
                    /// <summary>Sends a message to the channel.</summary>
                    /// <param name="chatId">The channel.</param>
                    /// <param name="text">The message.</param>
                    /// <returns>The message id.</returns>
                    Task<long> SendMessageAsync(long chatId, string text);
                }
            }
            """);

    [Fact]
    public void Members_it_cannot_gate_are_left_out()
        => Verify("SkippedMembers", Usings + """
            namespace Acme.Social
            {
                /// <summary>Publishes to X.</summary>
                [GeneratePublisherGate]
                public interface IXPublisher
                {
                    /// <summary>The account.</summary>
                    string Account { get; }

                    /// <summary>Raised after a post.</summary>
                    event EventHandler Posted;

                    /// <summary>Tries to post.</summary>
                    /// <param name="text">The text.</param>
                    /// <param name="id">The post's id.</param>
                    /// <returns>Whether it was posted.</returns>
                    bool TryPost(string text, out string id);

                    /// <summary>Attaches anything.</summary>
                    /// <param name="media">The media.</param>
                    void Attach(object media);

                    /// <summary>Posts.</summary>
                    /// <param name="text">The text.</param>
                    void Post(string text);
                }
            }
            """);

    [Fact]
    public void With_dependency_injection_referenced_the_gate_can_be_registered()
        => Verify("Services", Usings + "namespace Acme.Social\n{\n" + LinkedInPost + """
            /// <summary>Publishes to LinkedIn.</summary>
            [GeneratePublisherGate]
            public interface ILinkedInPublisher
            {
                /// <summary>Publishes a post.</summary>
                /// <param name="post">The post.</param>
                /// <returns>The URN.</returns>
                Task<string> PostAsync(LinkedInPost post);
            }
            }
            """,
            withServices: true);

    private static void Verify(
        string name,
        string source,
        LanguageVersion version = LanguageVersion.Latest,
        Microsoft.CodeAnalysis.NullableContextOptions nullable = Microsoft.CodeAnalysis.NullableContextOptions.Enable,
        bool withServices = false)
    {
        var run = GateCompilation.Run(source, version, nullable, withServices);
        var generated = Assert.Single(run.Generated);
        Snapshot.Match(name + ".g.cs", generated.Value);
        Assert.Empty(run.Problems());
    }
}
