using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>The ReportText fixture audited once in every format.</summary>
public sealed class ReportTextMaps : IAsyncLifetime
{
    private CopiedFixture? _fixture;

    public string Md { get; private set; } = "";

    public string Html { get; private set; } = "";

    public string Sarif { get; private set; } = "";

    public string Json { get; private set; } = "";

    public PublishingMap Map { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _fixture = new CopiedFixture("ReportText");
        foreach (var format in new[] { "json", "md", "html", "sarif" })
        {
            var result = await TestSupport.AuditAsync("audit", _fixture.Solution, "-q", "-f", format);
            Assert.True(result.ExitCode == 0, result.ToString());
            switch (format)
            {
                case "json": Json = result.Stdout; break;
                case "md": Md = result.Stdout; break;
                case "html": Html = result.Stdout; break;
                default: Sarif = result.Stdout; break;
            }
        }

        Map = JsonSerializer.Deserialize<PublishingMap>(Json, JsonReport.Options)!;
    }

    public Task DisposeAsync()
    {
        _fixture?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Text that comes from the code, in every report: a webhook's credential never appears, Markdown written in an
/// attribute is shown as written, gates say where their publisher posts, and a shutdown wait is no schedule.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class CodeTextInReportsTests(ReportTextMaps maps) : IClassFixture<ReportTextMaps>
{
    [Fact]
    public void A_webhook_credential_appears_in_no_format()
    {
        foreach (var report in new[] { maps.Md, maps.Html, maps.Sarif, maps.Json })
        {
            Assert.DoesNotContain("T000/B000", report);
            Assert.DoesNotContain("XXXX", report);
            Assert.DoesNotContain("bot1:x", report);
        }

        Assert.Contains(maps.Map.Sites, s => s.Platform == "Slack" && s.Note == "POST https://hooks.slack.com/services/…");
        Assert.Contains("POST https\\://hooks.slack.com/services/…", maps.Md);
    }

    [Fact]
    public void Markdown_in_a_justification_is_shown_as_written()
    {
        var row = maps.Md.Split('\n').Single(l => l.Contains("Status.ReportAsync", System.StringComparison.Ordinal));
        Assert.Contains("!\\[img\\](https\\://evil.example/p.png) \\[link\\](javascript:alert(1)) \\*bold\\* \\_under\\_ \\`code\\` &lt;b&gt;x&lt;/b&gt; &amp;amp;", row);
        Assert.DoesNotContain("](https://evil", maps.Md);
        Assert.DoesNotContain("<b>", maps.Md);

        // The HTML page and SARIF carry it as text.
        Assert.DoesNotContain("<img", maps.Html);
        Assert.DoesNotContain("<b>x", maps.Html);
        Assert.Contains("![img](https://evil.example/p.png)", maps.Map.Sites.Single(s => s.Member == "Status.ReportAsync").Justification);
    }

    [Fact]
    public void A_gate_shows_where_its_publisher_posts()
    {
        Assert.Equal("Telegram", maps.Map.Sites.Single(s => s.Api == "ChannelPublisherGate.PublishAsync").Platform);
        Assert.Equal("LinkedIn", maps.Map.Sites.Single(s => s.Api == "CompanyPageGate.ShareAsync").Platform);
        Assert.DoesNotContain("(unspecified)", maps.Md);
    }

    [Fact]
    public void Only_a_wait_in_a_loop_is_a_schedule()
    {
        Assert.Equal("every TimeSpan.FromHours(1)", maps.Map.EntryPoints.Single(e => e.Name == "ReviewedChannelJob.ExecuteAsync").Schedule);
        Assert.Null(maps.Map.EntryPoints.Single(e => e.Name == "Lifetime.StopAsync").Schedule);
    }
}
