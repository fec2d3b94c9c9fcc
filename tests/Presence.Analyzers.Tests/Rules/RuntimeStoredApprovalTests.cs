using System.Threading.Tasks;
using Stored = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.StoredApprovalAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES007 where the token's type is not written where it is kept: inside an anonymous object or a tuple put in a
/// field or collection, and captured by a lambda that outlives the method (stored, subscribed, handed to a timer or a
/// scheduler); and the look-alikes that only use the token now.
/// </summary>
public class RuntimeStoredApprovalTests
{
    private const string Preamble = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        public sealed class Post { public string Text { get; set; } = ""; }

        public interface IGate { Task PostAsync(object approval); }

        public interface ILogger { void Log(string message, object?[] args); }

        public static class LoggerExtensions { public static void LogInformation(this ILogger logger, string message, params object?[] args) => logger.Log(message, args); }

        """;

    // The checks of where a token is kept run only where one can exist; a token read from a redeem with var names only
    // the result's Approval, which is enough.
    [Fact]
    public Task A_token_read_from_a_redeem_is_followed_where_its_type_is_written_nowhere()
        => Stored.VerifyAsync(Preamble.Replace("using Presence;", "using Presence;\nusing Ledger = Presence.ApprovalLedger;") + """
            public class Scheduler(Ledger ledger)
            {
                private object? _pending;

                public async Task KeepAsync(string id, Post post)
                {
                    var redeemed = await ledger.RedeemAsync(id, post);
                    _pending = {|#0:new { id, redeemed.Approval }|};
                }
            }
            """,
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(0).WithArguments("An anonymous object holding the token, stored in the field '_pending',", "Post"));

    [Fact]
    public Task A_token_inside_an_anonymous_object_or_a_tuple_kept_in_a_field_or_collection_is_reported()
        => Stored.VerifyAsync(Preamble + """
            public class Scheduler(ApprovalLedger ledger)
            {
                private object? _pending;
                private readonly List<object> _entries = new();
                private readonly Dictionary<string, object> _byId = new();
                private readonly ConcurrentQueue<object> _queue = new();
                public object? Last { get; set; }

                public async Task KeepAsync(string id, Post post)
                {
                    var token = (await ledger.RedeemAsync(id, post)).Approval;
                    _pending = {|#0:new { id, token }|};
                    _entries.Add({|#1:new { id, Inner = new { token } }|});
                    _byId[id] = {|#2:(id, token)|};
                    _queue.Enqueue({|#3:token|});
                    Last = {|#4:new { token }|};
                    var entry = new { id, token };
                    _entries.Add({|#5:entry|});
                }

                public string Save(string id, Approved<Post> approval) => JsonSerializer.Serialize({|#6:new { id, approval }|});
            }
            """,
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(0).WithArguments("An anonymous object holding the token, stored in the field '_pending',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(1).WithArguments("An anonymous object holding the token, added to the field '_entries',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(2).WithArguments("A value holding the token, stored in the field '_byId',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(3).WithArguments("The token, added to the field '_queue',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(4).WithArguments("An anonymous object holding the token, stored in the property 'Last',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(5).WithArguments("An anonymous object holding the token, added to the field '_entries',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(6).WithArguments("Serializing it", "Post"));

    [Fact]
    public Task A_lambda_capturing_a_token_that_outlives_the_method_is_reported()
        => Stored.VerifyAsync(Preamble + """
            public class Later(ApprovalLedger ledger, IGate gate)
            {
                private Func<Task>? _later;
                private readonly List<Func<Task>> _jobs = new();
                private Timer? _timer;
                public event EventHandler? Tick;

                public async Task KeepAsync(string id, Post post, CancellationToken ct)
                {
                    var token = (await ledger.RedeemAsync(id, post)).Approval!;
                    _later = {|#0:() => gate.PostAsync(token)|};
                    _jobs.Add({|#1:async () => await gate.PostAsync(token)|});
                    _timer = new Timer({|#2:_ => gate.PostAsync(token)|}, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
                    _ = Task.Delay(TimeSpan.FromHours(1), ct).ContinueWith({|#3:_ => gate.PostAsync(token)|}, TaskScheduler.Default);
                    Tick += {|#4:(sender, e) => gate.PostAsync(token)|};
                    ct.Register({|#5:() => gate.PostAsync(token)|});
                }
            }
            """,
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(0).WithArguments("A lambda that captures the token, stored in the field '_later',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(1).WithArguments("A lambda that captures the token, added to the field '_jobs',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(2).WithArguments("A lambda that captures the token, handed to Timer to run later,", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(3).WithArguments("A lambda that captures the token, handed to Task.ContinueWith to run later,", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(4).WithArguments("A lambda that captures the token, subscribed to the event 'Tick',", "Post"),
            Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(5).WithArguments("A lambda that captures the token, handed to CancellationToken.Register to run later,", "Post"));

    [Fact]
    public Task Using_a_token_now_is_not_reported()
        => Stored.VerifyAsync(Preamble + """
            public sealed class Job { public Func<Task>? Run { get; set; } }

            public class Now(ApprovalLedger ledger, IGate gate, ILogger logger)
            {
                private readonly List<string> _requestIds = new();
                private readonly List<Func<Task>> _jobs = new();
                private Func<Task>? _later;
                private object? _last;

                public async Task PublishAsync(string id, Post post, CancellationToken ct)
                {
                    var token = (await ledger.RedeemAsync(id, post)).Approval!;

                    // Invoked now, run now, or kept in a local: used, not kept.
                    Func<Task> send = () => gate.PostAsync(token);
                    await send();
                    await Task.Run(() => gate.PostAsync(token), ct);
                    await Retry(() => gate.PostAsync(token));
                    var entry = new { id, token };
                    var local = new List<object> { entry };
                    local.Add(new { token });
                    var job = new Job { Run = () => gate.PostAsync(token) };
                    await job.Run();

                    // Logged: the logger formats it now; it keeps no token.
                    logger.LogInformation("Publishing {Entry}", new { id, token });

                    // Kept, but without the token.
                    _requestIds.Add(id);
                    _last = new { id, post.Text };
                    _later = () => Task.CompletedTask;
                    _jobs.Add(() => ReRedeemAsync(id, post));
                    await gate.PostAsync(token);
                }

                private static Task Retry(Func<Task> action) => action();

                private async Task ReRedeemAsync(string id, Post post)
                {
                    if ((await ledger.RedeemAsync(id, post)).Approval is { } fresh)
                    {
                        await gate.PostAsync(fresh);
                    }
                }
            }
            """);
}
