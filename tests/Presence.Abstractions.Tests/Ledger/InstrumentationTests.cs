using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests.Ledger
{
    public class InstrumentationTests
    {
        [Fact]
        public async Task Every_operation_is_observed_with_its_outcome_and_no_content()
        {
            var observed = new Recorder();
            var bench = new Workbench(configure: o => o.Instrumentation = observed);

            var record = await bench.Ledger.SubmitAsync("Secret launch text", Workbench.Author);
            await bench.Ledger.DecideAsync(record.Id, Workbench.Author, true);
            await bench.Ledger.DecideAsync(record.Id, "alice", true);
            await bench.Ledger.RedeemAsync(record.Id, "Other text");
            var token = (await bench.Ledger.TryRedeemAsync(record.Id, "Secret launch text"))!;
            bench.Ledger.ConsumeForPublish(token, "Gate.PostAsync");
            await bench.Ledger.ReportPublishedAsync(record.Id);

            Assert.Equal(
                new (string, string?, string)[]
                {
                    ("submit", record.Id, "Pending"),
                    ("decide", record.Id, "SelfApproval"),
                    ("decide", record.Id, "Recorded"),
                    ("redeem", record.Id, "ContentChanged"),
                    ("redeem", record.Id, "Redeemed"),
                    ("consume", record.Id, "Redeemed"),
                    ("report", record.Id, "Published"),
                },
                observed.Stops.Select(s => (s.Operation, s.RequestId, s.Outcome)));
            Assert.All(observed.Stops, s => Assert.Same(s.Operation, s.State));
            Assert.All(observed.Stops, s => Assert.True(s.Elapsed >= TimeSpan.Zero));
        }

        [Fact]
        public async Task A_failing_operation_is_observed_as_an_error()
        {
            var observed = new Recorder();
            var bench = new Workbench(configure: o => o.Instrumentation = observed);

            await Assert.ThrowsAsync<ArgumentException>(() => bench.Ledger.ReviseAsync("missing", "text", Workbench.Author));

            var stop = Assert.Single(observed.Stops);
            Assert.Equal(("submit", "Error", typeof(ArgumentException)), (stop.Operation, stop.Outcome, stop.Exception!.GetType()));
        }

        private sealed class Recorder : IApprovalInstrumentation
        {
            public ConcurrentQueue<(object? State, string Operation, string? RequestId, string Outcome, TimeSpan Elapsed, Exception? Exception)> StopsQueue { get; } = new();

            public (object? State, string Operation, string? RequestId, string Outcome, TimeSpan Elapsed, Exception? Exception)[] Stops => StopsQueue.ToArray();

            public object? Start(string operation, string? requestId) => operation;

            public void Stop(object? state, string operation, string? requestId, string outcome, TimeSpan elapsed, Exception? exception)
                => StopsQueue.Enqueue((state, operation, requestId, outcome, elapsed, exception));
        }
    }
}
