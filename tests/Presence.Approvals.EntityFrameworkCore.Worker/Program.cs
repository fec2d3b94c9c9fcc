using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Presence;

// Usage: worker sqlite|postgres <connection string>
// Reads one command per line from stdin and answers on stdout, so one process serves many rounds:
//   prepare <requestId> <tasks> <content…>  arms <tasks> concurrent redeems of <requestId>, answers "ready"
//   go                                       fires them, answers "results <outcome> <outcome> …"
//   redeem-and-wait <requestId> <content…>   redeems, answers "redeemed <outcome>", then waits for the kill
//   engage <by> <reason…>                    engages the hold, answers "engaged <true|false>"
//   release <by>                             releases it, answers "released <true|false>"
//   redeem <requestId> <content…>            one redeem, answers "outcome <outcome>" (or "error <type>: <message>")
//   exit
var provider = args[0];
var connectionString = args[1];
await using var services = new ServiceCollection()
    .AddPresenceApprovals(o =>
    {
        if (provider == "sqlite")
        {
            o.UseSqlite(connectionString);
        }
        else
        {
            o.UseNpgsql(connectionString);
        }
    })
    .BuildServiceProvider();
var ledger = services.GetRequiredService<ApprovalLedger>();
var hold = services.GetRequiredService<IPublishingHold>();
Console.WriteLine("started");

Task<RedeemOutcome>[] armed = Array.Empty<Task<RedeemOutcome>>();
TaskCompletionSource<bool>? gun = null;
string? line;
while ((line = Console.ReadLine()) is not null)
{
    var parts = line.Split(' ', 4);
    try
    {
        switch (parts[0])
        {
            case "prepare":
            {
                var (id, tasks, content) = (parts[1], int.Parse(parts[2]), parts[3]);
                var fire = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                gun = fire;
                armed = Enumerable.Range(0, tasks)
                    .Select(_ => Task.Run(async () =>
                    {
                        await fire.Task;
                        return (await ledger.RedeemAsync(id, content)).Outcome;
                    }))
                    .ToArray();
                Console.WriteLine("ready");
                break;
            }

            case "go":
                gun!.SetResult(true);
                var outcomes = await Task.WhenAll(armed);
                Console.WriteLine("results " + string.Join(' ', outcomes));
                break;
            case "redeem-and-wait":
            {
                var parts3 = line.Split(' ', 3);
                var redeemed = await ledger.RedeemAsync(parts3[1], parts3[2]);
                Console.WriteLine("redeemed " + redeemed.Outcome);
                // The platform call would be here; the test kills this process (SIGKILL) before it happens.
                await Task.Delay(TimeSpan.FromMinutes(5));
                break;
            }

            case "redeem":
            {
                var parts3 = line.Split(' ', 3);
                Console.WriteLine("outcome " + (await ledger.RedeemAsync(parts3[1], parts3[2])).Outcome);
                break;
            }

            case "engage":
            {
                var parts3 = line.Split(' ', 3);
                Console.WriteLine("engaged " + await hold.EngageAsync(parts3[2], parts3[1], default));
                break;
            }

            case "release":
                Console.WriteLine("released " + await hold.ReleaseAsync(parts[1], default));
                break;
            case "exit":
                return 0;
            default:
                Console.WriteLine("error unknown command " + parts[0]);
                break;
        }
    }
    catch (Exception e)
    {
        Console.WriteLine($"error {e.GetType().Name}: {e.Message.Replace('\n', ' ')}");
    }
}

return 0;
