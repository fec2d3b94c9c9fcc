using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Presence.Approvals.AspNetCore.Tests.Support;

namespace Presence.Approvals.AspNetCore.Tests;

public sealed class DashboardTests : IAsyncLifetime
{
    private ReviewApp _app = null!;

    public async Task InitializeAsync() => _app = await ReviewApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reviewer_sees_the_queue_approves_and_the_post_leaves_it()
    {
        var post = await _app.Ledger.SubmitAsync("Spring release: faster exports.", Users.Alex, DateTimeOffset.UtcNow.AddDays(1), "linkedin:acme");
        using var maria = await _app.SignedInAsync(Users.Maria);

        var queue = await maria.GetAsync("review/");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("Spring release: faster exports.", queue.MainText);

        var page = await maria.GetAsync($"review/posts/{post.Id}");
        var response = await maria.SubmitAsync(page, "form.approve");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var after = await maria.GetAsync(response.Headers.Location!.ToString());
        Assert.Contains("Your approval was recorded.", after.MainText);
        Assert.DoesNotContain("Spring release: faster exports.", after.MainText);
        Assert.Equal(ApprovalStatus.Approved, (await _app.Services.GetStore().FindAsync(post.Id, default))!.Status);
    }
}

internal static class ServiceProviderExtensions
{
    public static IApprovalStore GetStore(this IServiceProvider services)
        => (IApprovalStore)services.GetService(typeof(IApprovalStore))!;
}
