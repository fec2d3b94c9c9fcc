using System.Linq;
using System.Text.RegularExpressions;

namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>
/// SDKs built with C# 14 declare their extension methods in <c>extension(…)</c> blocks (RestSharp 114, Refit 16). The
/// SDK's compiler binds a call to such a member differently from the 4.14 compiler the unit tests run on (the receiver
/// is the call's instance, the member's type is the unnamed block), so only a real build shows that requests built
/// through them are still read: a RestSharp request built in one chain, a Refit client registered with
/// <c>AddRefitClient</c>, the API named after the type it extends, and a path through the project's own extension
/// block named after the class that declares it.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ExtensionBlockTests(PackedPackage package)
{
    private const string References = """
        <PackageReference Include="RestSharp" Version="114.1.0" />
        <PackageReference Include="Refit.HttpClientFactory" Version="16.4.0" />
        <PackageReference Include="Microsoft.Extensions.Hosting.Abstractions" Version="10.0.0" />
        """;

    private const string Code = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Refit;
        using RestSharp;

        public sealed class LinkedInShare
        {
            private readonly RestClient _api = new RestClient("https://api.linkedin.com");

            public Task Share(object post)
                => _api.ExecuteAsync(new RestRequest("rest/posts", Method.Post).AddHeader("LinkedIn-Version", "202405").AddJsonBody(post));

            public Task Repost(object post) => _api.PostAsync(new RestRequest("rest/posts").AddJsonBody(post));

            public Task Profile() => _api.ExecuteAsync(new RestRequest("v2/me").AddHeader("LinkedIn-Version", "202405"));
        }

        public interface IMastodonApi
        {
            [Post("/statuses")]
            Task PostStatus([Body] object status);
        }

        public static class Startup
        {
            public static void Configure(IServiceCollection services)
                => services.AddRefitClient<IMastodonApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri("https://fosstodon.org/api/v1/"));
        }

        public sealed class Toots(IMastodonApi api)
        {
            public Task Toot(object status) => api.PostStatus(status);
        }

        // The project's own extension block, on the path of a hosted service.
        public static class TootExtensions
        {
            extension(IMastodonApi api)
            {
                public Task Daily(string text) => api.PostStatus(new { status = text });
            }
        }

        public sealed class DailyToots(IMastodonApi api) : Microsoft.Extensions.Hosting.BackgroundService
        {
            protected override Task ExecuteAsync(System.Threading.CancellationToken ct) => api.Daily("Tip of the day");
        }
        """;

    [Fact]
    public void Requests_built_through_extension_blocks_and_paths_through_the_projects_own_are_read_by_the_sdks_compiler()
    {
        var build = package.BuildConsumer("ExtensionBlocks", Code, extraItems: References);
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.DoesNotContain(build.Diagnostics, d => d.Id == "AD0001");

        var unconfirmed = Regex.Matches(build.Output, @"Code\.cs\((?<line>\d+),\d+\): warning PRES001: (?<text>.*)")
            .Select(m => (Line: int.Parse(m.Groups["line"].Value), Text: m.Groups["text"].Value.TrimEnd()))
            .Distinct()
            .ToList();
        Assert.True(unconfirmed.Count == 4, build.ToString());
        Assert.Contains(unconfirmed, u => u.Line == 12 && u.Text.Contains("through 'RestClient.ExecuteAsync' (POST https://api.linkedin.com/rest/posts)", System.StringComparison.Ordinal));
        Assert.Contains(unconfirmed, u => u.Line == 14 && u.Text.Contains("through 'IRestClient.PostAsync' (POST https://api.linkedin.com/rest/posts)", System.StringComparison.Ordinal));
        Assert.Contains(unconfirmed, u => u.Line == 33 && u.Text.Contains("through 'IMastodonApi.PostStatus' (POST https://fosstodon.org/api/v1/statuses)", System.StringComparison.Ordinal));
        Assert.True(unconfirmed.Exists(u => u.Text.Contains("declare [RequiresHumanApproval] on 'Daily'", System.StringComparison.Ordinal)), build.ToString());
        Assert.Contains(("error", "PRES002"), build.Diagnostics);
        Assert.Contains("DailyToots.ExecuteAsync → TootExtensions.Daily → IMastodonApi.PostStatus", build.Output, System.StringComparison.Ordinal);
    }
}
