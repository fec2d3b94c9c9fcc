using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>PRES008 against the real Microsoft.Extensions.AI, Semantic Kernel and OpenAI packages.</summary>
public class MachineWrittenTests
{
    private const string Api = """
        using System;
        using System.Collections.Generic;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Presence;

        [PublishesContent("LinkedIn")]
        public interface IPublisher { Task PublishAsync(string text); }

        public interface IReview { [HumanConfirmation] Task<bool> AskAsync(string text); }

        """;

    private static Task Check(string code, params DiagnosticResult[] expected)
        => PathVerifier.VerifyAsync(Api + code, PathVerifier.Ai, expected);

    private static DiagnosticResult Machine(int location, string what, string why)
        => PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(location).WithArguments(what, why);

    private const string Unreviewed = "no [HumanConfirmation] that sees the generated text guards this publish; show the text to a person (a [HumanConfirmation] method, or AnsiConsole.Confirm with the text in its question; a Console.ReadLine() check is not one) and publish on yes";

    [Fact]
    public Task Generated_text_flowing_into_a_publish_is_reported()
        => Check("""
            class Writer(IChatClient chat, IPublisher publisher)
            {
                async Task Direct(string topic)
                {
                    var response = await chat.GetResponseAsync("Write a post about " + topic);
                    await {|#0:publisher.PublishAsync(response.Text)|};
                }

                async Task ThroughLocalsAndStringBuilding(string topic)
                {
                    var response = await chat.GetResponseAsync(topic);
                    var text = response.Text.Trim();
                    var post = $"{text}\n\n#marketing";
                    await {|#1:publisher.PublishAsync(post)|};
                }

                async Task ThroughABuilder(string topic)
                {
                    var builder = new StringBuilder("Today: ");
                    builder.Append((await chat.GetResponseAsync(topic)).Text);
                    await {|#2:publisher.PublishAsync(builder.ToString())|};
                }
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(1, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(2, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task Generated_text_put_into_a_form_or_a_dictionary_initializer_goes_out_with_the_request()
        => Check("""
            class Toots(IChatClient chat, System.Net.Http.HttpClient http)
            {
                private const string Url = "https://mastodon.social/api/v1/statuses";

                async Task IndexedInitializer(string topic)
                {
                    var text = (await chat.GetResponseAsync("Write a toot about " + topic)).Text;
                    await {|#0:http.PostAsync(Url, new System.Net.Http.FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = text }))|};
                }

                async Task CollectionInitializer(string topic)
                {
                    var text = (await chat.GetResponseAsync("Write a toot about " + topic)).Text;
                    await {|#1:http.PostAsync(Url, new System.Net.Http.FormUrlEncodedContent(new Dictionary<string, string> { { "status", text }, { "visibility", "public" } }))|};
                }

                async Task WrittenByHand(string topic)
                {
                    var text = (await chat.GetResponseAsync("Summarise " + topic)).Text;
                    await {|PRES001:http.PostAsync(Url, new System.Net.Http.FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "Our weekly digest is out", ["visibility"] = text.Length > 0 ? "public" : "unlisted" }))|};
                }
            }
            """,
            Machine(0, "Posts to Mastodon through 'HttpClient.PostAsync' (POST https://mastodon.social/api/v1/statuses) with machine-written content", Unreviewed),
            Machine(1, "Posts to Mastodon through 'HttpClient.PostAsync' (POST https://mastodon.social/api/v1/statuses) with machine-written content", Unreviewed));

    [Fact]
    public Task Generated_text_asked_about_but_published_whatever_the_answer_says_the_answer_is_ignored()
        => Check("""
            class Writer(IChatClient chat, IPublisher publisher, IReview review)
            {
                async Task Ignored(string topic)
                {
                    var notes = (await chat.GetResponseAsync("Write a post about " + topic)).Text;
                    var ok = await {|#1:review.AskAsync(notes)|};
                    await {|#0:publisher.PublishAsync(notes)|};
                }
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewed).WithLocation(0).WithLocation(1).WithArguments(
                "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content",
                "a person was asked through 'AskAsync', but its answer does not guard this publish; publish only where its yes does"));

    [Fact]
    public Task A_confirmation_after_generation_is_a_review_and_before_it_is_not()
        => Check("""
            class Writer(IChatClient chat, IPublisher publisher, IReview review)
            {
                async Task Reviewed(string topic)
                {
                    var text = (await chat.GetResponseAsync(topic)).Text;
                    if (!await review.AskAsync(text)) return;
                    await publisher.PublishAsync(text);
                }

                async Task ApprovedTheTopicThenGenerated(string topic)
                {
                    if (!await review.AskAsync(topic)) return;
                    var text = (await chat.GetResponseAsync(topic)).Text;
                    await {|#0:publisher.PublishAsync(text)|};
                }

                async Task HumanText(string text)
                {
                    if (await review.AskAsync(text)) await publisher.PublishAsync(text);
                }
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content",
                "it was generated after the last [HumanConfirmation], which cannot have seen it; ask a person about the generated text"));

    [Fact]
    public Task A_console_confirmation_that_shows_the_generated_text_reviews_it()
        => PathVerifier.VerifyAsync(Api + """
            namespace ConsoleTools
            {
                using Spectre.Console;

                class Writer(IChatClient chat, IPublisher publisher, IAnsiConsole console)
                {
                    async Task Shown(string topic)
                    {
                        var draft = (await chat.GetResponseAsync("Write a LinkedIn post about " + topic)).Text;
                        if (AnsiConsole.Confirm($"Publish \"{draft}\"?"))
                            await publisher.PublishAsync(draft);
                        if (await console.ConfirmAsync("Publish this?\n" + draft))
                            await publisher.PublishAsync(draft);
                    }

                    async Task AskedBeforeWriting(string topic)
                    {
                        if (!AnsiConsole.Confirm($"Write and publish a post about {topic}?")) return;
                        var draft = (await chat.GetResponseAsync("Write a LinkedIn post about " + topic)).Text;
                        await {|#0:publisher.PublishAsync(draft)|};
                    }
                }
            }
            """,
            [.. PathVerifier.Ai, TestReferences.FromType<Spectre.Console.ConfirmationPrompt>()],
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content",
                "it was generated after the last [HumanConfirmation], which cannot have seen it; ask a person about the generated text"));

    [Fact]
    public Task An_inline_prompt_is_not_seen_and_the_same_prompt_in_a_confirmation_method_is()
        => Check("""
            sealed class ConsoleReview
            {
                [HumanConfirmation]
                public bool Approve(string draft)
                {
                    Console.WriteLine(draft);
                    Console.Write("Publish? [y/N] ");
                    return Console.ReadLine() is "y" or "Y";
                }
            }

            class Writer(IChatClient chat, IPublisher publisher, ConsoleReview review)
            {
                async Task AskedInline(string topic)
                {
                    var draft = (await chat.GetResponseAsync("Write a LinkedIn post about " + topic)).Text;
                    Console.WriteLine(draft);
                    Console.Write("Publish? [y/N] ");
                    if (Console.ReadLine() is "y" or "Y")
                        await {|#0:publisher.PublishAsync(draft)|};
                }

                async Task AskedThroughAConfirmation(string topic)
                {
                    var draft = (await chat.GetResponseAsync("Write a LinkedIn post about " + topic)).Text;
                    if (review.Approve(draft))
                        await publisher.PublishAsync(draft);
                }
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task Semantic_Kernel_and_OpenAI_completions_are_machine_written()
        => Check("""
            class Writers(Microsoft.SemanticKernel.Kernel kernel, OpenAI.Chat.ChatClient openAi, IPublisher publisher)
            {
                async Task Kernel(string topic)
                {
                    var function = kernel.Plugins["writer"]["post"];
                    var result = await kernel.InvokeAsync(function, new Microsoft.SemanticKernel.KernelArguments { ["topic"] = topic });
                    await {|#0:publisher.PublishAsync(result.ToString())|};
                }

                async Task OpenAi(string topic)
                {
                    var completion = await openAi.CompleteChatAsync(new OpenAI.Chat.UserChatMessage(topic));
                    await {|#1:publisher.PublishAsync(completion.Value.Content[0].Text)|};
                }
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(1, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task An_agent_given_a_publish_tool_without_approval_is_reported()
        => Check("""
            class Agent(IPublisher publisher)
            {
                public IList<AITool> Tools() =>
                [
                    {|#0:AIFunctionFactory.Create(publisher.PublishAsync)|},
                    {|#1:AIFunctionFactory.Create((string text) => publisher.PublishAsync(text), "publish")|},
                    new ApprovalRequiredAIFunction(AIFunctionFactory.Create(publisher.PublishAsync)),
                    new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string text) => publisher.PublishAsync(text), "publish_reviewed")),
                    AIFunctionFactory.Create((string city) => "sunny", "weather"),
                ];

                public AITool WrappedLater()
                {
                    var raw = AIFunctionFactory.Create(publisher.PublishAsync);
                    return new ApprovalRequiredAIFunction(raw);
                }

                public AITool KeptRaw()
                {
                    var raw = {|#2:AIFunctionFactory.Create(publisher.PublishAsync)|};
                    var other = AIFunctionFactory.Create((string city) => "sunny", "weather");
                    _ = new ApprovalRequiredAIFunction(other);
                    return raw;
                }
            }
            """,
            Machine(0, "An AI agent is given 'IPublisher.PublishAsync' as a tool, which publishes: Posts to LinkedIn through 'IPublisher.PublishAsync'", "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)"),
            Machine(1, "An AI agent is given a lambda as a tool, which publishes: Posts to LinkedIn through 'IPublisher.PublishAsync'", "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)"),
            Machine(2, "An AI agent is given 'IPublisher.PublishAsync' as a tool, which publishes: Posts to LinkedIn through 'IPublisher.PublishAsync'", "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)"));

    [Fact]
    public Task A_kernel_function_that_publishes_needs_a_function_filter()
        => Check("""
            public class SocialPlugin(IPublisher publisher)
            {
                [Microsoft.SemanticKernel.KernelFunction]
                public Task {|#0:Publish|}(string text) => publisher.PublishAsync(text);

                [Microsoft.SemanticKernel.KernelFunction]
                public string Draft(string topic) => "A post about " + topic;
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(0).WithArguments(
                "The Semantic Kernel function 'SocialPlugin.Publish' publishes (Posts to LinkedIn through 'IPublisher.PublishAsync')",
                "an agent can call it, and this compilation has no IFunctionInvocationFilter or IAutoFunctionInvocationFilter to ask a person first"));

    [Fact]
    public Task A_tool_or_kernel_function_that_publishes_through_a_helper_is_reported_with_the_path()
        => Check("""
            public class Toots(IPublisher publisher, IReview review)
            {
                public Task PostAsync(string text) => Send(text);
                private Task Send(string text) => {|PRES001:publisher.PublishAsync(text)|};

                public async Task PostReviewedAsync(string text)
                {
                    if (await review.AskAsync(text)) await publisher.PublishAsync(text);
                }

                public Task<string> Timeline() => Task.FromResult("latest posts");
            }

            class Agent(Toots toots)
            {
                public IList<AITool> Tools() =>
                [
                    {|#0:AIFunctionFactory.Create(toots.PostAsync)|},
                    {|#1:AIFunctionFactory.Create((string text) => toots.PostAsync(text), "post")|},
                    new ApprovalRequiredAIFunction(AIFunctionFactory.Create(toots.PostAsync)),
                    AIFunctionFactory.Create(toots.PostReviewedAsync),
                    AIFunctionFactory.Create(toots.Timeline),
                ];
            }

            public class SocialPlugin(Toots toots)
            {
                [Microsoft.SemanticKernel.KernelFunction]
                public Task {|#2:Post|}(string text) => toots.PostAsync(text);

                [Microsoft.SemanticKernel.KernelFunction]
                public Task<string> Read() => toots.Timeline();
            }
            """,
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(0).WithArguments(
                "An AI agent is given 'Toots.PostAsync' as a tool, which publishes: Toots.PostAsync → Toots.Send → IPublisher.PublishAsync",
                "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(1).WithArguments(
                "An AI agent is given a lambda as a tool, which publishes: Toots.PostAsync → Toots.Send → IPublisher.PublishAsync",
                "wrap it in ApprovalRequiredAIFunction so that a person approves each call (around the Create call, around a local that holds it, or in a helper or a Select that returns every tool wrapped)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            PathVerifier.Diagnostic(PresenceDiagnostics.MachineWrittenUnreviewedAtEnd).WithLocation(2).WithArguments(
                "The Semantic Kernel function 'SocialPlugin.Post' publishes (SocialPlugin.Post → Toots.PostAsync → Toots.Send → IPublisher.PublishAsync)",
                "an agent can call it, and this compilation has no IFunctionInvocationFilter or IAutoFunctionInvocationFilter to ask a person first"));

    [Fact]
    public Task A_kernel_with_an_approval_filter_is_clean()
        => Check("""
            public class SocialPlugin(IPublisher publisher)
            {
                [Microsoft.SemanticKernel.KernelFunction]
                public Task Publish(string text) => publisher.PublishAsync(text);
            }

            public sealed class ApprovalFilter(IReview review) : Microsoft.SemanticKernel.IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
                {
                    if (await review.AskAsync(context.Function.Name)) await next(context);
                }
            }
            """);

    [Fact]
    public Task Text_a_helper_asks_a_model_for_and_returns_is_machine_written_at_the_caller()
        => Check("""
            class Drafts(IChatClient chat)
            {
                public async Task<string> Draft(string topic) => (await chat.GetResponseAsync("Write about " + topic)).Text;

                public async Task<string> Polished(string topic)
                {
                    var draft = await Draft(topic);
                    return draft.Trim() + "\n#news";
                }

                public string Cached { get; } = "static text";
            }

            class Writer(Drafts drafts, IPublisher publisher)
            {
                async Task OneCallAway(string topic)
                {
                    var text = await drafts.Draft(topic);
                    await {|#0:publisher.PublishAsync(text)|};
                }

                async Task TwoCallsAway(string topic) => await {|#1:publisher.PublishAsync(await drafts.Polished(topic))|};
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(1, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task A_confirmation_that_sees_the_returned_text_is_a_review()
        => Check("""
            class Drafts(IChatClient chat, IReview review)
            {
                public async Task<string> Draft(string topic) => (await chat.GetResponseAsync(topic)).Text;

                // Asked inside the helper: what it returns was reviewed.
                public async Task<string?> Reviewed(string topic)
                {
                    var text = (await chat.GetResponseAsync(topic)).Text;
                    return await review.AskAsync(text) ? text : null;
                }

                public Task<string> Template(string name) => Task.FromResult("Hello " + name);
            }

            class Writer(Drafts drafts, IPublisher publisher, IReview review)
            {
                async Task SeenAfterTheHelperReturned(string topic)
                {
                    var text = await drafts.Draft(topic);
                    if (await review.AskAsync(text)) await publisher.PublishAsync(text);
                }

                async Task ReviewedInTheHelper(string topic)
                {
                    if (await drafts.Reviewed(topic) is { } text && await review.AskAsync(text)) await publisher.PublishAsync(text);
                }

                async Task NotMachineWritten(string name)
                {
                    var text = await drafts.Template(name);
                    if (await review.AskAsync(text)) await publisher.PublishAsync(text);
                }
            }
            """);

    [Fact]
    public Task A_recursive_helper_ends()
        => Check("""
            class Drafts(IChatClient chat)
            {
                public async Task<string> Again(string topic, int n) => n == 0 ? (await chat.GetResponseAsync(topic)).Text : await Again(topic, n - 1);
            }

            class Writer(Drafts drafts, IPublisher publisher, IReview review)
            {
                async Task Post(string topic)
                {
                    var text = await drafts.Again(topic, 3);
                    if (await review.AskAsync(text)) await publisher.PublishAsync(text);
                }
            }
            """);

    [Fact]
    public Task Text_stored_in_a_field_or_property_and_published_by_another_method_is_machine_written()
        => Check("""
            class Drafts(IChatClient chat)
            {
                public async Task<string> Draft(string topic) => (await chat.GetResponseAsync(topic)).Text;
            }

            class Writer(IChatClient chat, Drafts drafts, IPublisher publisher)
            {
                private ChatResponse? _response;
                private string _fromHelper = "";
                private static string s_shared = "";
                public string Draft { get; set; } = "";

                public async Task Prepare(string topic)
                {
                    _response = await chat.GetResponseAsync(topic);
                    var text = (await chat.GetResponseAsync("Shorter: " + topic)).Text;
                    Draft = text;
                    s_shared = text.Trim();
                    _fromHelper = await drafts.Draft(topic);
                }

                public Task PublishResponse() => {|#0:publisher.PublishAsync(_response!.Text)|};

                public Task PublishProperty() => {|#1:publisher.PublishAsync(this.Draft)|};

                public static Task PublishStatic(IPublisher publisher) => {|#2:publisher.PublishAsync(s_shared)|};

                public Task PublishFromHelper() => {|#3:publisher.PublishAsync(_fromHelper + " #news")|};

                // Read through a helper of the same type that returns the stored text.
                private string Stored() => _fromHelper;

                public Task PublishThroughAGetter() => {|#4:publisher.PublishAsync(Stored())|};

                public string Answer => _response?.Text ?? "";

                public string Greeting => "Hello from " + nameof(Writer);
            }

            class Reader(Writer writer, IPublisher publisher)
            {
                public Task PublishComputed() => {|#5:publisher.PublishAsync(writer.Answer)|};

                public Task PublishGreeting() => {|PRES001:publisher.PublishAsync(writer.Greeting)|};
            }
            """,
            Machine(5, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(1, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(2, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(3, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(4, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task Text_stored_by_the_constructor_or_an_initializer_is_machine_written()
        => Check("""
            class Writer
            {
                private readonly Task<ChatResponse> _pending;
                private readonly string _intro;
                private readonly IPublisher _publisher;

                public Writer(IChatClient chat, IPublisher publisher)
                {
                    _publisher = publisher;
                    _pending = chat.GetResponseAsync("Write today's post");
                    _intro = chat.GetResponseAsync("Write an intro").GetAwaiter().GetResult().Text;
                }

                public async Task Publish() => await {|#0:_publisher.PublishAsync((await _pending).Text)|};

                public Task PublishIntro() => {|#1:_publisher.PublishAsync(_intro)|};
            }

            class Primary(IChatClient chat, IPublisher publisher)
            {
                private readonly Task<ChatResponse> _pending = chat.GetResponseAsync("Write today's post");

                public async Task Publish() => await {|#2:publisher.PublishAsync((await _pending).Text)|};
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(1, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(2, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task Stored_through_a_conditional_a_stream_and_a_lambda_is_machine_written()
        => Check("""
            class Writer(IChatClient chat, IPublisher publisher)
            {
                private string _choice = "";
                private string _streamed = "";
                private string? _lazy;

                public async Task Prepare(string topic, bool generate)
                {
                    _choice = generate ? (await chat.GetResponseAsync(topic)).Text : "Nothing today";
                    await foreach (var update in chat.GetStreamingResponseAsync(topic)) _streamed += update.Text;
                    Func<Task> later = async () => _lazy ??= (await chat.GetResponseAsync(topic)).Text;
                    await later();
                }

                public async Task Publish()
                {
                    await {|#0:publisher.PublishAsync(_choice)|};
                    await {|#1:publisher.PublishAsync(_streamed)|};
                    await {|#2:publisher.PublishAsync(_lazy ?? "")|};
                }
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(1, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed),
            Machine(2, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task A_field_assigned_machine_text_on_any_path_is_machine_written_even_if_human_text_is_assigned_elsewhere()
        => Check("""
            class Writer(IChatClient chat, IPublisher publisher)
            {
                private string _text = "";

                public void UseTemplate(string name) => _text = "Hello " + name;

                public async Task Generate(string topic, bool generate)
                {
                    if (generate) _text = (await chat.GetResponseAsync(topic)).Text;
                    else _text = "Nothing today";
                }

                public Task Publish() => {|#0:publisher.PublishAsync(_text)|};
            }
            """,
            Machine(0, "Posts to LinkedIn through 'IPublisher.PublishAsync' with machine-written content", Unreviewed));

    [Fact]
    public Task Stored_text_a_confirmation_saw_or_that_was_overwritten_or_never_machine_written_is_clean()
        => Check("""
            class Writer(IChatClient chat, IPublisher publisher, IReview review, Other other)
            {
                private string _draft = "";
                private string _approved = "";
                private string _template = "";
                private static string s_footer = "";

                public string Title { get; set; } = "";

                public async Task Prepare(string topic, string name)
                {
                    _draft = (await chat.GetResponseAsync(topic)).Text;
                    var text = (await chat.GetResponseAsync("Again: " + topic)).Text;

                    // Stored only after a person approved exactly this text.
                    if (await review.AskAsync(text)) _approved = text;

                    _template = "Hello " + name;
                    s_footer = "#news";
                    Title = name.ToUpperInvariant();
                }

                // A [HumanConfirmation] sees the stored text before it goes out.
                public async Task PublishReviewed()
                {
                    if (await review.AskAsync(_draft)) await publisher.PublishAsync(_draft);
                }

                // Unconfirmed here, but not machine-written: PRES001, not PRES008.
                public Task PublishApproved() => {|PRES001:publisher.PublishAsync(_approved)|};

                // Overwritten with a constant before the send, on every path.
                public async Task PublishOverwritten(bool holiday)
                {
                    if (holiday) _draft = "Closed for the holidays";
                    else _draft = "Open as usual";
                    await {|PRES001:publisher.PublishAsync(_draft)|};
                }

                public async Task PublishHumanText()
                {
                    if (await review.AskAsync(_template)) await publisher.PublishAsync(_template + s_footer + Title);
                }

                // A field of another type that no model text is stored in.
                public async Task PublishOther()
                {
                    if (await review.AskAsync(other.Note)) await publisher.PublishAsync(other.Note);
                }
            }

            class Other
            {
                public string Note = "";
                public void Set(string note) => Note = note.Trim();
            }
            """);
}
