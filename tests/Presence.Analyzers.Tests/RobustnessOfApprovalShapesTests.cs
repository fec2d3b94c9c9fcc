using System;
using System.Threading.Tasks;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests;

/// <summary>
/// Half-typed code around a ledger decision, an approval link, a confirmation's catch and a background job never makes
/// an analyzer throw (AD0001): missing references, incomplete lambdas, unresolved attributes and types.
/// </summary>
public class RobustnessOfApprovalShapesTests
{
    private const string Header = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Presence;

        """;

    [Theory]
    [InlineData("static class M { static void Map(WebApplication app) { app.MapGet(\"/approve/{id}\", async (string id, string reviewer, ApprovalLedger ledger) => await ledger.DecideAsync(id, reviewer, ")]
    [InlineData("static class M { static void Map(WebApplication app) { app.MapGet(\"/approve/{id}\", async (string id, string reviewer, ApprovalLedger ledger) => { await ledger.DecideAsync(id, reviewer, true) }).AllowAnonymous(; } }")]
    [InlineData("static class M { static void Map(WebApplication app) { app.MapGet(\"/a\", (string reviewer, Unknown ledger) => ledger.DecideAsync(\"1\", reviewer, true)).AllowAnonymous(); } }")]
    [InlineData("static class M { static void Map(Unknown app) { app.MapGet(\"/a\", (string reviewer, ApprovalLedger ledger) => ledger.DecideAsync(\"1\", reviewer, true)); } }")]
    [InlineData("static class M { static void Map(WebApplication app) { app.MapGet(\"/a\", [Missing] (string reviewer, ApprovalLedger l) => l.DecideAsync(\"1\", reviewer, true)).AllowAnonymous(); } }")]
    [InlineData("static class M { static void Map(WebApplication app) { app.MapGet(\"/a\", (string reviewer, string sig, Signer s, ApprovalLedger l) => { if (!s.IsValid(reviewer, sig)) return; l.DecideAsync(\"1\", reviewer, true); }).AllowAnonymous(); } }")]
    [InlineData("[Missing] [Route(\"x\")] class C(ApprovalLedger l) : ControllerBase { [AllowAnonymous] [HttpGet] public Task A([FromQuery] string reviewer, [FromUnknown] string sig) => l.DecideAsync(\"1\", reviewer, ); }")]
    [InlineData("class C(ApprovalLedger l) { static readonly string Bot = ; Task A() => l.DecideAsync(\"1\", Bot, true); }")]
    [InlineData("class C(ApprovalLedger l) { string Bot { get; } = \"bot\"; C() : this(null!) { Bot = ; } Task A() => l.DecideAsync(\"1\", Bot, true); }")]
    [InlineData("class C(ApprovalLedger l) { Task A(string id) => l.DecideAsync(reviewer: \"bot\", approve: true, requestId: ); }")]
    [InlineData("class C { [HumanConfirmation] async Task<bool> Ask(Unknown chat) { var ok = true; try { ok = await chat.AskAsync(); } catch (Unknown) { } return ok; } }")]
    [InlineData("class C { [HumanConfirmation] async Task<bool> Ask(Func<Task<bool>> chat) { try { return await chat(); } catch (Exception) { return ; } } }")]
    [InlineData("class C { [HumanConfirmation] async Task Ask(Func<Task> chat) { await chat(); try { } catch (Exception ex) when ( { } } }")]
    [InlineData("class C { [HumanConfirmation] bool Ask(Func<bool> chat) { if (!chat()) return false; try { return chat(); } catch { return true; } finally { } }")]
    [InlineData("class C { void Run(IPublisher p) { Hangfire.BackgroundJob.Enqueue(() => p.PublishAsync( ); RecurringJob.AddOrUpdate(\"id\", () => , Cron.Daily()); } }")]
    [InlineData("class C { void Run(IPublisher p) { BackgroundJob.Enqueue<IPublisher>(x => x.PublishAsync(\"x\")); Coravel.Invocable(() => p.PublishAsync(\"y\")); } }")]
    [InlineData("namespace Hangfire { public static class BackgroundJob { public static string Enqueue(System.Linq.Expressions.Expression<Func<Task>> job) => \"\"; } } class C { void Run(IPublisher p) { Hangfire.BackgroundJob.Enqueue(() => p.PublishAsync(); Hangfire.BackgroundJob.Enqueue(() => ); Hangfire.BackgroundJob.Enqueue(() => Missing.Post(p)); } }")]
    public async Task Broken_approval_code_is_survived(string code)
    {
        var source = Header + "[PublishesContent(\"Mastodon\")] public interface IPublisher { Task PublishAsync(string text); }\n" + code;
        var compilation = AllAnalyzers.Compilation([source], [TestReferences.Abstractions, .. PathVerifier.AspNetCore]);
        var (_, failures) = await AllAnalyzers.RunAsync(compilation);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures) + Environment.NewLine + source);
    }
}
