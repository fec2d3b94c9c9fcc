using Microsoft.Extensions.DependencyInjection;

namespace Presence.Approvals.AspNetCore.Tests.Support;

/// <summary>The ledger set-ups the dashboard is tested on.</summary>
public static class ApprovalStores
{
    public static void InMemory(IServiceCollection services)
    {
        var audit = new InMemoryApprovalAuditSink();
        var hold = new PublishingHold(audit);
        var store = new InMemoryApprovalStore();
        services.AddSingleton<IApprovalAuditSink>(audit);
        services.AddSingleton<IApprovalAuditReader>(audit);
        services.AddSingleton<IPublishingHold>(hold);
        services.AddSingleton<IApprovalStore>(store);
        services.AddSingleton(new ApprovalLedger(store, hold, ApprovalPolicy.Default, audit));
    }
}
