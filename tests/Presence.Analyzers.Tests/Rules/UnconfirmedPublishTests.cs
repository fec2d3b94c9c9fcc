using System.Threading.Tasks;
using Presence.Analyzers.Rules;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.UnconfirmedPublishAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>PRES001 and PRES004: which publish calls a positive confirmation guards, construct by construct.</summary>
public class UnconfirmedPublishTests
{
    // A declared publisher and the confirmation shapes of the brief, shared by every case.
    private const string Api = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        [PublishesContent("Mastodon")]
        public interface IPublisher
        {
            Task PublishAsync(string text);
            void Publish(string text);
        }

        public interface IOtherService
        {
            Task PublishAsync(string text);
        }

        public sealed class Decision
        {
            public bool IsApproved { get; set; }
            public string Reviewer { get; set; } = "";
        }

        public sealed class Verdict
        {
            public bool Accepted { get; set; }
            public bool Urgent { get; set; }
        }

        public sealed class ApprovalToken
        {
        }

        public interface IReview
        {
            [HumanConfirmation] bool Ask(string text);
            [HumanConfirmation] Task<bool> AskAsync(string text);
            [HumanConfirmation] ValueTask<bool> AskValueAsync(string text);
            [HumanConfirmation] Task<Decision> DecideAsync(string text);
            [HumanConfirmation(ApprovalProperty = nameof(Verdict.Accepted))] Verdict Judge(string text);
            [HumanConfirmation] Task<ApprovalToken?> RequestAsync(string text);
            [HumanConfirmation] bool? MaybeAsk(string text);
            [HumanConfirmation] void EnsureApproved(string text);
            [HumanConfirmation] Task EnsureApprovedAsync(string text);
            bool LooksFine(string text);
        }

        """;

    private static Task Check(string code) => Verify.VerifyAsync(Api + code);

    [Fact]
    public Task Unguarded_publish_is_reported()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher) => await {|PRES001:publisher.PublishAsync("hi")|};
            }
            """);

    [Fact]
    public Task Publish_inside_a_positive_confirmation_is_clean()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    if (await review.AskAsync(text))
                    {
                        await publisher.PublishAsync(text);
                    }
                }
            }
            """);

    [Fact]
    public Task Publish_in_the_else_branch_publishes_what_the_person_refused()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    if (await review.AskAsync(text))
                    {
                        Console.WriteLine("approved");
                    }
                    else
                    {
                        await {|PRES004:publisher.PublishAsync(text)|};
                    }
                }
            }
            """);

    [Fact]
    public Task Force_or_confirmed_lets_the_force_path_through()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text, bool force)
                {
                    if (force || await review.AskAsync(text))
                    {
                        await {|PRES001:publisher.PublishAsync(text)|};
                    }
                }
            }
            """);

    [Fact]
    public Task Ready_and_confirmed_is_clean()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text, bool ready)
                {
                    if (ready && await review.AskAsync(text))
                    {
                        await publisher.PublishAsync(text);
                    }
                }
            }
            """);

    [Fact]
    public Task Confirmed_and_ready_in_a_local_is_clean_but_or_is_not()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text, bool ready)
                {
                    var both = review.Ask(text) && ready;
                    if (both) publisher.Publish(text);

                    var either = ready || review.Ask(text);
                    if (either) {|PRES001:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task Early_return_throw_and_continue_guard_what_follows()
        => Check("""
            class Poster
            {
                async Task Return(IPublisher publisher, IReview review, string text)
                {
                    if (!await review.AskAsync(text)) return;
                    await publisher.PublishAsync(text);
                }

                void Throw(IPublisher publisher, IReview review, string text)
                {
                    if (!review.Ask(text)) throw new InvalidOperationException("declined");
                    publisher.Publish(text);
                }

                void Continue(IPublisher publisher, IReview review, IEnumerable<string> drafts)
                {
                    foreach (var draft in drafts)
                    {
                        if (!review.Ask(draft)) continue;
                        publisher.Publish(draft);
                    }
                }
            }
            """);

    [Fact]
    public Task Early_return_on_the_wrong_answer_is_reported()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text)
                {
                    if (review.Ask(text)) return;
                    {|PRES004:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task Comparisons_with_constants_and_patterns_are_understood()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text)
                {
                    if (review.Ask(text) == true) publisher.Publish(text);
                    if (review.Ask(text) != false) publisher.Publish(text);
                    if (false == review.Ask(text)) { } else publisher.Publish(text);
                    if (review.Ask(text) is true) publisher.Publish(text);
                    if (review.Ask(text) is not false) publisher.Publish(text);
                    if (!(review.Ask(text) is false)) publisher.Publish(text);
                    if (review.Ask(text) == false) {|PRES004:publisher.Publish(text)|};
                    if (review.Ask(text) is not true) {|PRES004:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task Nullable_answers_need_an_explicit_true()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text)
                {
                    if (review.MaybeAsk(text) == true) publisher.Publish(text);
                    if (review.MaybeAsk(text) is true) publisher.Publish(text);
                    if (review.MaybeAsk(text) != false) {|PRES004:publisher.Publish(text)|};
                    if (review.MaybeAsk(text) is not false) {|PRES004:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task A_local_holding_the_answer_guards_until_it_is_overwritten()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    var approved = await review.AskAsync(text);
                    Console.WriteLine("asked");
                    if (approved) await publisher.PublishAsync(text);

                    approved = true;
                    if (approved) await {|PRES004:publisher.PublishAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task A_local_overwritten_on_one_path_only_no_longer_guards()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text, bool skipReview)
                {
                    var approved = review.Ask(text);
                    if (skipReview) approved = true;
                    if (approved) {|PRES004:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task A_local_passed_by_ref_no_longer_guards()
        => Check("""
            class Poster
            {
                static void Touch(ref bool value) => value = true;

                void Run(IPublisher publisher, IReview review, string text)
                {
                    var approved = review.Ask(text);
                    Touch(ref approved);
                    if (approved) {|PRES004:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task Answer_discarded_then_publish_is_PRES004()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string draft)
                {
                    await review.AskAsync(draft);
                    await {|PRES004:publisher.PublishAsync(draft)|};
                }
            }
            """);

    [Fact]
    public Task Answer_stored_but_never_tested_is_PRES004()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string draft)
                {
                    var ok = review.Ask(draft);
                    Console.WriteLine(ok);
                    {|PRES004:publisher.Publish(draft)|};
                }
            }
            """);

    [Fact]
    public Task Ternary_guards_its_branches()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    await (review.Ask(text) ? publisher.PublishAsync(text) : Task.CompletedTask);
                    await (review.Ask(text) ? Task.CompletedTask : {|PRES004:publisher.PublishAsync(text)|});
                }
            }
            """);

    [Fact]
    public Task Switch_statement_on_the_answer()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text)
                {
                    switch (review.Ask(text))
                    {
                        case true:
                            publisher.Publish(text);
                            break;
                        case false:
                            {|PRES004:publisher.Publish("declined: " + text)|};
                            break;
                    }
                }
            }
            """);

    [Fact]
    public Task Switch_expression_on_the_answer()
        => Check("""
            class Poster
            {
                Task Run(IPublisher publisher, IReview review, string text)
                    => review.Ask(text) switch
                    {
                        true => publisher.PublishAsync(text),
                        false => Task.CompletedTask,
                    };

                Task Wrong(IPublisher publisher, IReview review, string text)
                    => review.Ask(text) switch
                    {
                        false => {|PRES004:publisher.PublishAsync(text)|},
                        _ => Task.CompletedTask,
                    };
            }
            """);

    [Fact]
    public Task Confirmation_in_a_try_whose_catch_falls_through_does_not_guard()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    try
                    {
                        if (!await review.AskAsync(text)) return;
                    }
                    catch (Exception exception)
                    {
                        Console.WriteLine(exception.Message);
                    }

                    await {|PRES001:publisher.PublishAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task Confirmation_in_a_try_whose_catch_leaves_still_guards()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    bool approved;
                    try
                    {
                        approved = await review.AskAsync(text);
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    if (approved) await publisher.PublishAsync(text);
                }
            }
            """);

    [Fact]
    public Task Publish_in_finally_and_using_blocks()
        => Check("""
            class Poster
            {
                void Finally(IPublisher publisher, IReview review, string text)
                {
                    try
                    {
                        if (!review.Ask(text)) return;
                    }
                    finally
                    {
                        {|PRES001:publisher.Publish(text)|};
                    }
                }

                void Using(IPublisher publisher, IReview review, string text)
                {
                    if (!review.Ask(text)) return;
                    using (var stream = new System.IO.MemoryStream())
                    {
                        publisher.Publish(text);
                    }
                }
            }
            """);

    [Fact]
    public Task Loops_need_a_confirmation_on_every_iteration()
        => Check("""
            class Poster
            {
                async Task Daily(IPublisher publisher, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await {|PRES001:publisher.PublishAsync("Tip of the day")|};
                        await Task.Delay(1000, ct);
                    }
                }

                async Task EachDraft(IPublisher publisher, IReview review, List<string> drafts)
                {
                    for (var i = 0; i < drafts.Count; i++)
                    {
                        if (await review.AskAsync(drafts[i]))
                        {
                            await publisher.PublishAsync(drafts[i]);
                        }
                    }
                }

            }
            """);

    [Fact]
    public Task ConfigureAwait_GetResult_and_ValueTask_carry_the_answer()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    if (await review.AskAsync(text).ConfigureAwait(false)) await publisher.PublishAsync(text);
                    if (review.AskAsync(text).GetAwaiter().GetResult()) publisher.Publish(text);
                    if (review.AskAsync(text).Result) publisher.Publish(text);
                    if (await review.AskValueAsync(text)) publisher.Publish(text);
                    var pending = review.AskAsync(text);
                    if (await pending) publisher.Publish(text);
                    if (await review.AskAsync(text).WaitAsync(TimeSpan.FromSeconds(30))) publisher.Publish(text);
                }
            }
            """);

    [Fact]
    public Task Decision_objects_approve_through_their_approval_property()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    var decision = await review.DecideAsync(text);
                    if (decision.IsApproved) await publisher.PublishAsync(text);
                    if (decision is { IsApproved: true }) await publisher.PublishAsync(text);
                    if (decision != null) await {|PRES004:publisher.PublishAsync(text)|};

                    var verdict = review.Judge(text);
                    if (verdict.Accepted) publisher.Publish(text);
                    if (verdict.Urgent) {|PRES004:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task Tokens_approve_when_not_null()
        => Check("""
            class Poster
            {
                async Task Run(IPublisher publisher, IReview review, string text)
                {
                    var token = await review.RequestAsync(text);
                    if (token is null) return;
                    await publisher.PublishAsync(text);
                }

                async Task Pattern(IPublisher publisher, IReview review, string text)
                {
                    if (await review.RequestAsync(text) is { } token) await publisher.PublishAsync(text);
                    if (await review.RequestAsync(text) is ApprovalToken typed) await publisher.PublishAsync(text);
                    if (await review.RequestAsync(text) != null) await publisher.PublishAsync(text);
                    var maybe = await review.RequestAsync(text);
                    maybe?.ToString();
                    await {|PRES004:publisher.PublishAsync(text)|};
                }

                async Task Asserted(IPublisher publisher, IReview review, string text)
                {
                    var token = await review.RequestAsync(text);
                    ArgumentNullException.ThrowIfNull(token);
                    await publisher.PublishAsync(text);
                }

                async Task AssertedSomethingElse(IPublisher publisher, IReview review, string text)
                {
                    var token = await review.RequestAsync(text);
                    ArgumentNullException.ThrowIfNull(text);
                    await {|PRES004:publisher.PublishAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task Completion_confirmations_guard_once_they_returned()
        => Check("""
            class Poster
            {
                async Task Awaited(IPublisher publisher, IReview review, string text)
                {
                    await review.EnsureApprovedAsync(text);
                    await publisher.PublishAsync(text);
                }

                void Synchronous(IPublisher publisher, IReview review, string text)
                {
                    review.EnsureApproved(text);
                    publisher.Publish(text);
                }

                async Task NotAwaited(IPublisher publisher, IReview review, string text)
                {
                    _ = review.EnsureApprovedAsync(text);
                    await {|PRES004:publisher.PublishAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task Non_short_circuit_operators_and_negated_locals()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text, bool ready)
                {
                    if (review.Ask(text) & ready) publisher.Publish(text);
                    if (review.Ask(text) | ready) {|PRES004:publisher.Publish(text)|};
                    var declined = !review.Ask(text);
                    if (declined) return;
                    publisher.Publish(text);
                }
            }
            """);

    [Fact]
    public Task An_unrelated_method_that_looks_like_a_check_does_not_guard()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text)
                {
                    if (review.LooksFine(text)) {|PRES001:publisher.Publish(text)|};
                }
            }
            """);

    [Fact]
    public Task Lambdas_start_from_the_state_where_they_are_created()
        => Check("""
            class Poster
            {
                void Unguarded(IPublisher publisher, string text)
                {
                    Func<Task> post = () => {|PRES001:publisher.PublishAsync(text)|};
                    Action<string> each = item => {|PRES001:publisher.Publish(item)|};
                }

                async Task Guarded(IPublisher publisher, IReview review, string text)
                {
                    if (!await review.AskAsync(text)) return;
                    await Task.Run(() => publisher.PublishAsync(text));
                    await Task.Run(async () =>
                    {
                        await Task.Yield();
                        await publisher.PublishAsync(text);
                    });
                }

                async Task ConfirmedInside(IPublisher publisher, IReview review, List<string> drafts)
                {
                    foreach (var task in drafts.ConvertAll(async draft =>
                    {
                        if (await review.AskAsync(draft)) await publisher.PublishAsync(draft);
                    }))
                    {
                        await task;
                    }
                }
            }
            """);

    [Fact]
    public Task Local_functions_start_from_every_place_that_calls_them()
        => Check("""
            class Poster
            {
                async Task GuardedEverywhere(IPublisher publisher, IReview review, string text)
                {
                    if (await review.AskAsync(text)) await Post();
                    if (await review.AskAsync(text + "!")) await Post();

                    Task Post() => publisher.PublishAsync(text);
                }

                async Task UnguardedOnce(IPublisher publisher, IReview review, string text)
                {
                    if (await review.AskAsync(text)) await Post();
                    await Post();

                    // Reached on the path where the person said no.
                    Task Post() => {|PRES004:publisher.PublishAsync(text)|};
                }

                async Task UnguardedCaller(IPublisher publisher, IReview review, string text, bool force)
                {
                    if (force) await Post();
                    else if (await review.AskAsync(text)) await Post();

                    Task Post() => {|PRES001:publisher.PublishAsync(text)|};
                }

                void NeverCalled(IPublisher publisher, string text)
                {
                    void Post() => {|PRES001:publisher.Publish(text)|};
                }

                void Recursive(IPublisher publisher, IReview review, List<string> drafts)
                {
                    if (review.Ask("all")) PostFrom(0);

                    void PostFrom(int index)
                    {
                        if (index >= drafts.Count) return;
                        publisher.Publish(drafts[index]);
                        PostFrom(index + 1);
                    }
                }
            }
            """);

    [Fact]
    public Task A_method_group_of_a_publisher_is_a_publish()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, List<string> drafts, IReview review)
                {
                    drafts.ForEach({|PRES001:publisher.Publish|});
                    if (review.Ask("all")) drafts.ForEach(publisher.Publish);
                }
            }
            """);

    [Fact]
    public Task A_call_through_a_class_implementing_a_declared_interface_publishes()
        => Check("""
            class MastodonPublisher : IPublisher
            {
                public Task PublishAsync(string text) => Task.CompletedTask;
                public void Publish(string text) { }
                public void Prepare(string text) { }
            }

            class ExplicitPublisher : IPublisher
            {
                Task IPublisher.PublishAsync(string text) => Task.CompletedTask;
                void IPublisher.Publish(string text) { }
            }

            class Poster
            {
                async Task Run(MastodonPublisher mastodon, string text)
                {
                    mastodon.Prepare(text);
                    await {|PRES001:mastodon.PublishAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task An_interface_that_merely_has_a_method_of_the_same_name_is_not_a_publisher()
        => Check("""
            class OtherService : IOtherService
            {
                public Task PublishAsync(string text) => Task.CompletedTask;
            }

            class Poster
            {
                async Task Run(IOtherService other, OtherService concrete, string text)
                {
                    await other.PublishAsync(text);
                    await concrete.PublishAsync(text);
                    var list = new List<string>();
                    list.Add(text);
                }
            }
            """);

    [Fact]
    public Task Declared_methods_overrides_extensions_and_generic_publishers()
        => Check("""
            public abstract class Channel
            {
                [PublishesContent("Discord")]
                public virtual Task SendAsync(string text) => Task.CompletedTask;
                public virtual Task PingAsync() => Task.CompletedTask;
            }

            public sealed class NewsChannel : Channel
            {
                public override Task SendAsync(string text) => Task.CompletedTask;
                public override Task PingAsync() => Task.CompletedTask;
            }

            public static class ChannelExtensions
            {
                [PublishesContent]
                public static Task AnnounceAsync(this Channel channel, string text) => channel.SendAsync(text);
            }

            [PublishesContent]
            public static class Broadcast
            {
                public static void Send<T>(T item) { }
            }

            class Poster
            {
                async Task Run(NewsChannel news, string text)
                {
                    await news.PingAsync();
                    await {|PRES001:news.SendAsync(text)|};
                    await {|PRES001:news.AnnounceAsync(text)|};
                    await {|PRES001:ChannelExtensions.AnnounceAsync(news, text)|};
                    {|PRES001:Broadcast.Send(42)|};
                }
            }
            """);

    [Fact]
    public Task The_body_of_a_declared_publisher_is_not_analysed()
        => Check("""
            class LoggingPublisher : IPublisher
            {
                private readonly IPublisher _inner;
                public LoggingPublisher(IPublisher inner) => _inner = inner;
                public Task PublishAsync(string text) => _inner.PublishAsync(text);
                public void Publish(string text) => _inner.Publish(text);
            }
            """);

    [Fact]
    public Task RequiresHumanApproval_moves_the_requirement_to_callers()
        => Check("""
            class Poster
            {
                private readonly IPublisher _publisher;
                public Poster(IPublisher publisher) => _publisher = publisher;

                [RequiresHumanApproval]
                public Task Post(string text) => _publisher.PublishAsync(text);

                [RequiresHumanApproval("the exact text")]
                public async Task PostTwice(string text)
                {
                    Func<Task> again = () => _publisher.PublishAsync(text);
                    await Post(text);
                    await again();
                }
            }

            class Caller
            {
                async Task Guarded(Poster poster, IReview review, string text)
                {
                    if (await review.AskAsync(text)) await poster.Post(text);
                }

                async Task Unguarded(Poster poster, string text)
                {
                    await {|PRES001:poster.Post(text)|};
                    await {|PRES001:poster.PostTwice(text)|};
                }
            }
            """);

    [Fact]
    public Task RequiresHumanApproval_on_a_local_function()
        => Check("""
            class Poster
            {
                void Run(IPublisher publisher, IReview review, string text)
                {
                    if (review.Ask(text)) Post();
                    {|PRES004:Post()|};

                    [RequiresHumanApproval]
                    void Post() => publisher.Publish(text);
                }

                void Unasked(IPublisher publisher, string text)
                {
                    {|PRES001:Post()|};

                    [RequiresHumanApproval]
                    void Post() => publisher.Publish(text);
                }
            }
            """);

    [Fact]
    public Task AutomatedPresence_on_a_method_type_or_local_function_exempts_it()
        => Check("""
            class StatusPage
            {
                [AutomatedPresence("Status page of a disclosed bot account")]
                void Method(IPublisher publisher) => publisher.Publish("All systems operational");

                [AutomatedPresence("")]
                void EmptyJustificationStillExempts(IPublisher publisher) => publisher.Publish("up");

                void LocalFunction(IPublisher publisher)
                {
                    Post();

                    [AutomatedPresence("Heartbeat of a labelled bot")]
                    void Post() => publisher.Publish("heartbeat");
                }

                void NotExempt(IPublisher publisher) => {|PRES001:publisher.Publish("down")|};
            }

            [AutomatedPresence("Release notes bot, labelled as automated")]
            class ReleaseBot
            {
                void Run(IPublisher publisher) => publisher.Publish("v1.2 is out");

                class Nested
                {
                    void Run(IPublisher publisher) => publisher.Publish("nested");
                }
            }
            """);

    [Fact]
    public Task AutomatedPresence_on_the_assembly_exempts_everything()
        => Verify.VerifyAsync(Api.Replace("using Presence;\n", "using Presence;\n[assembly: AutomatedPresence(\"Internal status bot\")]\n") + """
            class Poster
            {
                void Run(IPublisher publisher) => publisher.Publish("hi");
            }
            """);

    // The assembly's attributes are read only where a file names the attribute: an AssemblyInfo file of its own counts,
    // and one that only names the others does not exempt anything.
    [Theory]
    [InlineData("[assembly: AutomatedPresence(\"Internal status bot\")]", false)]
    [InlineData("[assembly: Presence.AutomatedPresenceAttribute(\"Internal status bot\")]", false)]
    [InlineData("[assembly: System.Reflection.AssemblyVersion(\"1.2.3.4\")]", true)]
    public Task An_assembly_attribute_in_a_file_of_its_own_is_read(string assemblyInfo, bool reported)
    {
        var test = new Verify.Test
        {
            TestCode = Api + (reported
                ? """
                  class Poster
                  {
                      void Run(IPublisher publisher) => {|PRES001:publisher.Publish("hi")|};
                  }
                  """
                : """
                  class Poster
                  {
                      void Run(IPublisher publisher) => publisher.Publish("hi");
                  }
                  """),
        };
        test.TestState.Sources.Add(("AssemblyInfo.cs", "using Presence;\n" + assemblyInfo + "\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Publishes_in_initializers_properties_and_constructors_are_found()
        => Check("""
            class Poster
            {
                private static readonly IPublisher Shared = null!;
                private readonly Task _startup = {|PRES001:Shared.PublishAsync("starting")|};

                public Poster(IPublisher publisher) => {|PRES001:publisher.Publish("created")|};

                public Task Latest => {|PRES001:Shared.PublishAsync("latest")|};

                [AutomatedPresence("Heartbeat of a labelled bot")]
                public Task Heartbeat => Shared.PublishAsync("beat");
            }
            """);

    [Fact]
    public Task Conditional_access_and_coalescing_keep_the_guard()
        => Check("""
            class Poster
            {
                void Run(IPublisher? publisher, IReview review, string? text)
                {
                    if (!review.Ask(text ?? "")) return;
                    publisher?.Publish(text ?? "(empty)");
                }
            }
            """);

    [Fact]
    public Task Guard_in_one_method_does_not_cover_another()
        => Check("""
            class Poster
            {
                private readonly IPublisher _publisher;
                private readonly IReview _review;
                public Poster(IPublisher publisher, IReview review) { _publisher = publisher; _review = review; }

                public void Run(string text)
                {
                    if (_review.Ask(text)) Post(text);
                }

                private void Post(string text) => {|PRES001:_publisher.Publish(text)|};
            }
            """);

    [Fact]
    public Task Confirmation_through_an_implementation_of_a_marked_interface_method()
        => Check("""
            class ConsoleReview : IReview
            {
                public bool Ask(string text) => Console.ReadLine() == "y";
                public Task<bool> AskAsync(string text) => Task.FromResult(Ask(text));
                public ValueTask<bool> AskValueAsync(string text) => new(Ask(text));
                public Task<Decision> DecideAsync(string text) => Task.FromResult(new Decision { IsApproved = Ask(text) });
                public Verdict Judge(string text) => new() { Accepted = Ask(text) };
                public Task<ApprovalToken?> RequestAsync(string text) => Task.FromResult<ApprovalToken?>(Ask(text) ? new ApprovalToken() : null);
                public bool? MaybeAsk(string text) => Ask(text);
                public void EnsureApproved(string text) { if (!Ask(text)) throw new InvalidOperationException(); }
                public Task EnsureApprovedAsync(string text) { EnsureApproved(text); return Task.CompletedTask; }
                public bool LooksFine(string text) => true;
            }

            class Poster
            {
                void Run(IPublisher publisher, ConsoleReview review, string text)
                {
                    if (review.Ask(text)) publisher.Publish(text);
                }
            }
            """);

    [Fact]
    public Task Sending_the_question_inside_a_confirmation_is_the_asking_not_a_publish()
        => Check("""
            class EditorReview(IPublisher editorsChat, Func<Task<string>> awaitButton)
            {
                [HumanConfirmation]
                public async Task<bool> AskAsync(string draft)
                {
                    await editorsChat.PublishAsync("Post this? " + draft);
                    editorsChat.Publish("(reply yes or no)");
                    Func<Task> remind = () => editorsChat.PublishAsync("still waiting");
                    await remind();
                    return await awaitButton() == "yes";
                }

                public Task Announce(string text) => {|PRES001:editorsChat.PublishAsync(text)|};
            }
            """);

    [Fact]
    public Task An_implementation_of_a_marked_interface_method_asks_in_its_body()
        => Check("""
            class ChatReview(IPublisher editorsChat) : IReview
            {
                public bool Ask(string text) { editorsChat.Publish("Post this? " + text); return Console.ReadLine() == "y"; }
                public async Task<bool> AskAsync(string text) { await editorsChat.PublishAsync("Post this? " + text); return Console.ReadLine() == "y"; }
                public ValueTask<bool> AskValueAsync(string text) => new(Ask(text));
                public Task<Decision> DecideAsync(string text) => Task.FromResult(new Decision { IsApproved = Ask(text) });
                public Verdict Judge(string text) => new() { Accepted = Ask(text) };
                public Task<ApprovalToken?> RequestAsync(string text) => Task.FromResult<ApprovalToken?>(Ask(text) ? new ApprovalToken() : null);
                public bool? MaybeAsk(string text) => Ask(text);
                public void EnsureApproved(string text) { if (!Ask(text)) throw new InvalidOperationException(); }
                public Task EnsureApprovedAsync(string text) { EnsureApproved(text); return Task.CompletedTask; }
                public bool LooksFine(string text) { {|PRES001:editorsChat.Publish(text)|}; return true; }
            }

            class LocalAsk
            {
                void Run(IPublisher chat, IPublisher publisher, string text)
                {
                    [HumanConfirmation]
                    bool AskHere(string draft) { chat.Publish("Post this? " + draft); return Console.ReadLine() == "y"; }

                    if (AskHere(text)) publisher.Publish(text);
                    {|PRES001:publisher.Publish("unasked")|};
                }
            }
            """);

    [Fact]
    public Task A_redeemed_approval_token_that_is_there_guards_like_IsRedeemed()
        => Check("""
            class ScheduledPost(ApprovalLedger ledger, IPublisher publisher)
            {
                async Task ReturnWhenMissing(string id, string text, CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(id, text, ct);
                    if (redeemed.Approval is null) return;
                    await publisher.PublishAsync(text);
                }

                async Task PublishWhenThere(string id, string text, CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(id, text, ct);
                    if (redeemed.Approval is { } approval) await publisher.PublishAsync(text);
                    if (redeemed.Approval != null) await publisher.PublishAsync(text);
                }

                async Task Patterns(string id, string text, CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(id, text, ct);
                    if (redeemed is { Approval: not null }) await publisher.PublishAsync(text);
                    if (await ledger.RedeemAsync(id, text, ct) is { Approval: { } approval }) await publisher.PublishAsync(approval.Content);
                    if (redeemed is not { Approval: { } token }) return;
                    await publisher.PublishAsync(token.Content);
                }

                async Task Outcomes(string id, string text, CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(id, text, ct);
                    if (redeemed.Outcome == RedeemOutcome.Redeemed) await publisher.PublishAsync(text);
                    if (redeemed.Outcome != RedeemOutcome.Redeemed) return;
                    await publisher.PublishAsync(text);
                }

                async Task OtherOutcomesSayNothing(string id, string text, CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(id, text, ct);
                    if (redeemed.Outcome == RedeemOutcome.Held) return;
                    await {|PRES004:publisher.PublishAsync(text)|};
                    if (redeemed is { Record: not null }) await {|PRES004:publisher.PublishAsync(text)|};
                }

                async Task OtherMembersSayNothing(string id, string text, CancellationToken ct)
                {
                    var redeemed = await ledger.RedeemAsync(id, text, ct);
                    if (redeemed.Record is null) return;
                    await {|PRES004:publisher.PublishAsync(text)|};
                    if (redeemed.Approval is null) await {|PRES004:publisher.PublishAsync(text)|};
                }
            }
            """);

    [Fact]
    public Task A_yes_no_question_at_the_console_is_a_confirmation()
    {
        var test = new Verify.Test
        {
            TestCode = Api + """
                namespace ConsoleTools
                {
                    using Spectre.Console;

                    class ConsoleTool(IPublisher publisher, IAnsiConsole console)
                    {
                        async Task Run(string text)
                        {
                            if (AnsiConsole.Confirm($"Post \"{text}\"?")) await publisher.PublishAsync(text);
                            if (await AnsiConsole.ConfirmAsync($"Post \"{text}\"?")) await publisher.PublishAsync(text);
                            if (console.Confirm("Post this?\n" + text, defaultValue: false)) await publisher.PublishAsync(text);
                            if (AnsiConsole.Prompt(new ConfirmationPrompt($"Post \"{text}\"?"))) await publisher.PublishAsync(text);
                            if (!AnsiConsole.Confirm($"Post \"{text}\"?")) return;
                            await publisher.PublishAsync(text);
                        }

                        async Task AskedAndIgnored(string text)
                        {
                            AnsiConsole.Confirm($"Post \"{text}\"?");
                            await {|PRES004:publisher.PublishAsync(text)|};
                        }

                        async Task NotAQuestion(string text)
                        {
                            var title = AnsiConsole.Ask<string>("Title?");
                            if (AnsiConsole.Prompt(new TextPrompt<string>("Channel?")) == "main") await {|PRES001:publisher.PublishAsync(title + text)|};
                            AnsiConsole.MarkupLine("[green]posting[/]");
                            await {|PRES001:publisher.PublishAsync(text)|};
                        }
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(Presence.Analyzers.Tests.Verifiers.TestReferences.FromType<Spectre.Console.ConfirmationPrompt>());
        return test.RunAsync();
    }

    [Fact]
    public Task A_private_helper_used_only_by_confirmations_is_part_of_the_asking()
        => Check("""
            class Editors(IPublisher editorsChat)
            {
                [HumanConfirmation]
                public async Task<bool> ApproveAsync(string draft)
                {
                    await ShowAsync(draft);
                    return Console.ReadLine() == "ok";
                }

                [HumanConfirmation]
                public bool Approve(string draft)
                {
                    Mixed(draft);
                    return Console.ReadLine() == "ok";
                }

                private Task ShowAsync(string draft) => Notify("Review:\n" + draft);
                private Task Notify(string text) => editorsChat.PublishAsync(text);

                public void Announce(string text) => Mixed(text);
                private void Mixed(string text) => {|PRES001:editorsChat.Publish(text)|};

                private Task Unused(string text) => {|PRES001:editorsChat.PublishAsync(text)|};
            }
            """);

    [Fact]
    public Task A_publish_in_an_operator_names_the_operator_as_written()
        => Verify.VerifyAsync(Api + """
            class ChannelFeed(IPublisher publisher)
            {
                public static ChannelFeed operator +(ChannelFeed feed, string text)
                {
                    {|#0:feed.Publisher.Publish(text)|};
                    return feed;
                }

                public IPublisher Publisher { get; } = publisher;
            }
            """,
            Verify.Diagnostic(PresenceDiagnostics.UnconfirmedPublishWithoutCallers).WithLocation(0)
                .WithArguments("Posts to Mastodon through 'IPublisher.Publish'", "ChannelFeed.operator +"));
}
