using System.Threading.Tasks;
using Xunit;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>
/// Options and settings objects bound to a configuration section in the ways startup code writes it besides
/// <c>Configure&lt;T&gt;(section)</c>: <c>Bind</c> into an instance or inside a configure lambda, keyed and singleton
/// clients whose base address is a setting, and lists of targets.
/// </summary>
public class ConfigBindingTests
{
    private const string BindSettings = """
        {
          "A": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/a" },
          "B": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/b" },
          "C": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/c" },
          "D": { "WebhookUrl": "https://discord.com/api/webhooks/1/d" },
          "F": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/f" },
          "G": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/g" },
          "Named": { "WebhookUrl": "https://hooks.slack.com/services/T1/B1/n" },
          "Internal": { "WebhookUrl": "https://alerts.acme.internal/hook" }
        }
        """;

    private static (string, string)[] Settings(string text) => [("/src/appsettings.json", text)];

    [Fact]
    public Task Options_bound_with_Bind_are_resolved()
        => ConfiguredUrlTests.Check("""
            public sealed class AOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class BOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class COpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class DOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class FOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class GOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class NamedOpts { public string WebhookUrl { get; set; } = ""; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<AOpts>(o => config.GetSection("A").Bind(o));
                    services.AddOptions<BOpts>().Configure<IConfiguration>((o, cfg) => cfg.GetSection("B").Bind(o));
                    var c = new COpts();
                    config.Bind("C", c);
                    services.AddSingleton(c);
                    DOpts d = new();
                    config.GetSection("D").Bind(d);
                    services.AddSingleton(d);
                    services.Configure<FOpts>(options => { config.Bind("F", options); });
                    services.AddOptions<GOpts>().Configure(o => config.GetSection("G").Bind(o, binder => binder.BindNonPublicProperties = true));
                    services.Configure<NamedOpts>("community", o => config.GetSection("Named").Bind(o));
                }
            }

            class Poster(HttpClient http, IOptions<AOpts> a, IOptions<BOpts> b, COpts c, DOpts d, IOptionsMonitor<FOpts> f, IOptions<GOpts> g, IOptionsMonitor<NamedOpts> named)
            {
                Task A(HttpContent body) => {|PRES001:http.PostAsync(a.Value.WebhookUrl, body)|};
                Task B(HttpContent body) => {|PRES001:http.PostAsync(b.Value.WebhookUrl, body)|};
                Task C(HttpContent body) => {|PRES001:http.PostAsync(c.WebhookUrl, body)|};
                Task D(HttpContent body) => {|PRES001:http.PostAsync(d.WebhookUrl, body)|};
                Task F(HttpContent body) => {|PRES001:http.PostAsync(f.CurrentValue.WebhookUrl, body)|};
                Task G(HttpContent body) => {|PRES001:http.PostAsync(g.Value.WebhookUrl, body)|};
                Task Named(HttpContent body) => {|PRES001:http.PostAsync(named.Get("community").WebhookUrl, body)|};
                // The default instance of NamedOpts is bound from no section.
                Task Default(HttpContent body) => http.PostAsync(named.CurrentValue.WebhookUrl, body);
            }
            """,
            Settings(BindSettings));

    [Fact]
    public Task Bound_options_that_hold_other_urls_or_another_types_section_are_not_publishes()
        => ConfiguredUrlTests.Check("""
            public sealed class AOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class BOpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class COpts { public string WebhookUrl { get; set; } = ""; }
            public sealed class Unrelated { public string WebhookUrl { get; set; } = ""; }

            static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<AOpts>(o => config.GetSection("Internal").Bind(o));
                    var c = new COpts();
                    config.Bind("Internal", c);
                    services.AddSingleton(c);
                    // Section A is read, but bound to another type than the one the poster reads.
                    var other = new Unrelated();
                    config.GetSection("A").Bind(other);
                }
            }

            class Poster(HttpClient http, IOptions<AOpts> a, IOptions<BOpts> b, COpts c)
            {
                Task A(HttpContent body) => http.PostAsync(a.Value.WebhookUrl, body);
                Task B(HttpContent body) => http.PostAsync(b.Value.WebhookUrl, body);
                Task C(HttpContent body) => http.PostAsync(c.WebhookUrl, body);
            }
            """,
            Settings(BindSettings));
}
