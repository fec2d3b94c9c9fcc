using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>
/// Sends the analyzers leave alone for whom they reach are on the map with who that is, decided as the analyzers
/// decide: an email or text message reaches the team when its recipients are the team's (the team's mailbox or number
/// as the sender does not count), an answer to the person who asked is one whatever mailbox it is sent from, and a
/// labelled bot's reply is one only in a chat.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class QuietAudienceLabelTests
{
    [Fact]
    public async Task Each_quiet_send_is_labelled_with_whom_it_reaches_and_a_mail_from_the_team_to_a_customer_is_a_publish()
    {
        using var fixture = new CopiedFixture("Audiences");
        var result = await TestSupport.AuditAsync("audit", fixture.Solution, "--format", "json", "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        var map = JsonSerializer.Deserialize<PublishingMap>(result.Stdout, JsonReport.Options)!;
        string Label(int line)
        {
            var site = Assert.Single(map.Sites, s => s.File == "App/Sends.cs" && s.Line == line);
            Assert.Equal(SiteStatuses.Internal, site.Status);
            return site.Justification!;
        }

        Assert.Equal("an email answer to the person who asked", Label(31));
        Assert.Equal("a text message answer to the person who asked", Label(33));
        Assert.Equal("the ops mailbox", Label(40));
        Assert.Equal("the ops line", Label(42));
        Assert.Equal("the ops chat", Label(44));
        Assert.Equal("a labelled bot's reply in the chat of the person who wrote to it", Label(57));

        var customer = Assert.Single(map.Sites, s => s.File == "App/Sends.cs" && s.Line == 48);
        Assert.Equal(SiteStatuses.Unconfirmed, customer.Status);
        Assert.Contains("PRES001", customer.Rules);
    }
}
