using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Presence.Audit.Model;
using Presence.Audit.Reports;

namespace Presence.Audit.Tests;

/// <summary>
/// The HTML page opened in a real headless Chromium (Debian's, from build/services/chromium.sh): the map is drawn,
/// readable at 100 boxes, needs no script and fetches nothing. Screenshots go to the test output's screenshots folder.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class HtmlTests(SamplesMap samples, CrossProjectMap cross) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;
    private string _userData = "";

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("PRESENCE_CHROMIUM");
        Assert.False(string.IsNullOrEmpty(chromium), "PRESENCE_CHROMIUM is not set: run the tests through build/test.sh, which provides Chromium.");
        _userData = Directory.CreateTempSubdirectory("presence-audit-chromium-").FullName;
        _playwright = await Playwright.CreateAsync();
        // A fresh profile for each run: Playwright takes the user-data-dir as the persistent context's folder.
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(_userData, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        TestSupport.DeleteQuietly(_userData);
    }

    private async Task<(IPage Page, List<string> Requests)> OpenAsync(string html, string name)
    {
        var file = Path.Combine(Screenshots, name + ".html");
        await File.WriteAllTextAsync(file, html);
        var page = await _browser!.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        return (page, requests);
    }

    [Fact]
    public async Task The_samples_page_draws_every_entry_point_and_site_without_script_or_fetch()
    {
        var (page, requests) = await OpenAsync(HtmlReport.Write(samples.Map), "map-samples");
        // The picture of the map alone, which build/audit-screenshot.sh copies to docs/images for the README.
        await page.Locator("#map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, "presence-audit-map.png") });
        Assert.Single(requests); // the page itself
        Assert.Equal(0, await page.Locator("script").CountAsync());
        var boxes = page.Locator("svg g.node");
        Assert.Equal(samples.Map.EntryPoints.Count + samples.Map.Sites.Count + 1, await boxes.CountAsync()); // + TipPoster.PostTipAsync
        Assert.Equal(1, await page.Locator("svg g.node.entry", new() { HasText = "DailyTipJob.ExecuteAsync" }).CountAsync());
        Assert.Equal(2, await page.Locator("svg path.edge").CountAsync());
        Assert.Equal(samples.Map.EntryPoints.Select(e => e.Project).Concat(samples.Map.Sites.Select(s => s.Project)).Distinct().Count(), await page.Locator("svg g.band").CountAsync());
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("unattended");
        var site = samples.Map.Sites.Single(s => s.Status == SiteStatuses.Unattended);
        await Assertions.Expect(page.Locator("#" + HtmlReport.Anchor("site", site.Id))).ToContainTextAsync("SocialScheduler/DailyTipJob.cs:25");
    }

    [Fact]
    public async Task The_cross_project_edge_is_drawn_between_the_bands()
    {
        var (page, _) = await OpenAsync(HtmlReport.Write(cross.Map), "map-cross-project");
        Assert.Equal(1, await page.Locator("svg path.edge.cross").CountAsync());
        Assert.Equal(["Core", "Worker"], (await page.Locator("svg .band-label").AllTextContentsAsync()).Order().ToArray());
    }

    [Fact]
    public async Task A_map_of_a_hundred_boxes_stays_readable()
    {
        var map = Synthetic(entries: 14, functionsPerPath: 4, projects: 5, sites: 40);
        var (page, _) = await OpenAsync(HtmlReport.Write(map), "map-100");
        var boxes = await page.Locator("svg g.node rect").EvaluateAllAsync<double[][]>(
            "rects => rects.map(r => { const b = r.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })");
        Assert.InRange(boxes.Length, 100, 150);
        for (var i = 0; i < boxes.Length; i++)
        {
            for (var j = i + 1; j < boxes.Length; j++)
            {
                var overlap = boxes[i][0] < boxes[j][2] && boxes[j][0] < boxes[i][2] && boxes[i][1] < boxes[j][3] && boxes[j][1] < boxes[i][3];
                Assert.False(overlap, $"boxes {i} and {j} overlap");
            }
        }

        // Every label fits its box (long names are shortened, the full name is in the tooltip).
        var overflowing = await page.Locator("svg g.node").EvaluateAllAsync<int>(
            "nodes => nodes.filter(n => { const r = n.querySelector('rect').getBoundingClientRect(); return [...n.querySelectorAll('text')].some(t => t.getBoundingClientRect().right > r.right + 1); }).length");
        Assert.Equal(0, overflowing);
    }

    [Fact]
    public async Task Text_from_the_code_is_inert()
    {
        var map = Synthetic(entries: 1, functionsPerPath: 1, projects: 1, sites: 1);
        var hostile = map.Sites[0];
        map.Sites[0] = new SiteInfo
        {
            Id = hostile.Id, Project = hostile.Project, Platform = "<img src=x onerror=alert(1)>", Kind = hostile.Kind, Api = "<script>alert(1)</script>",
            Status = hostile.Status, Member = "\"><svg onload=alert(1)>", File = hostile.File, Line = hostile.Line, Column = hostile.Column,
            Justification = "</td><script>alert(2)</script>",
        };
        map.Summary = Analysis.MapBuilder.Summarise(map);
        var (page, requests) = await OpenAsync(HtmlReport.Write(map), "map-inert");
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Single(requests);
        await Assertions.Expect(page.Locator("#sites")).ToContainTextAsync("<script>alert(1)</script>");
    }

    /// <summary>A map with paths of the given length from each entry point, spread over projects, and more sites.</summary>
    internal static PublishingMap Synthetic(int entries, int functionsPerPath, int projects, int sites)
    {
        var map = new PublishingMap { Target = "Synthetic.sln", ToolVersion = "0.0.0" };
        for (var p = 0; p < projects; p++)
        {
            map.Projects.Add(new ProjectInfo { Name = "Project" + p, Path = $"Project{p}/Project{p}.csproj" });
        }

        for (var s = 0; s < sites; s++)
        {
            map.Sites.Add(new SiteInfo
            {
                Id = $"Project{s % projects}|M:Publishing.Sender{s}.SendAnnouncementWithAVeryLongName|Client.PublishStatusAsync|1",
                Project = "Project" + s % projects,
                Platform = s % 3 == 0 ? "Mastodon" : s % 3 == 1 ? "Slack" : "X",
                Kind = SiteKinds.Sdk,
                Api = "MastodonClient.PublishStatusWithAVeryLongNameAsync",
                Status = SiteStatuses.Ordered[s % SiteStatuses.Ordered.Length],
                Member = $"Sender{s}.SendAnnouncementWithAVeryLongName",
                File = $"Project{s % projects}/Sender{s}.cs",
                Line = 10 + s,
                Column = 9,
            });
        }

        for (var e = 0; e < entries; e++)
        {
            var project = "Project" + e % projects;
            var entry = new EntryPointInfo { Id = $"{project}|M:Jobs.Job{e}.ExecuteAsync", Project = project, Kind = "unattended", Reason = "hosted service", Name = $"NightlyCampaignJob{e}.ExecuteAsync", Schedule = "every TimeSpan.FromHours(6)", File = $"{project}/Job{e}.cs", Line = 12 };
            map.EntryPoints.Add(entry);
            var site = map.Sites[e % sites];
            site.Status = SiteStatuses.Unattended;
            var steps = new List<PathStep> { new() { Function = entry.Name, FunctionId = entry.Id, Project = project, File = entry.File, Line = 14, Column = 13 } };
            for (var f = 0; f < functionsPerPath; f++)
            {
                var stepProject = "Project" + (e + f) % projects;
                steps.Add(new PathStep { Function = $"CampaignService{e}_{f}.PrepareAndForwardAsync", FunctionId = $"{stepProject}|M:Services.S{e}_{f}.Run", Project = stepProject, File = $"{stepProject}/S{e}_{f}.cs", Line = 20, Column = 9 });
            }

            map.Paths.Add(new PathInfo { Id = $"path {e}", EntryPoint = entry.Id, Site = site.Id, Kind = "unattended", Steps = steps, Describe = string.Join(" → ", steps.Select(s => s.Function).Append(site.Api)) });
        }

        map.Summary = Analysis.MapBuilder.Summarise(map);
        return map;
    }
}
